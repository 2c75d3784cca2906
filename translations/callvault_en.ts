<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>CallVault</source>
        <translation>CallVault</translation>
    </message>
    <message>
        <source>The site could not be opened:
%1</source>
        <translation>The site could not be opened:
%1</translation>
    </message>
    <message>
        <source>The catalog could not be opened:
%1</source>
        <translation>The catalog could not be opened:
%1</translation>
    </message>
</context>
<context>
    <name>cv::MainWindow</name>
    <message>
        <source>CallVault — %1</source>
        <translation>CallVault — %1</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <source>The recordings could not be loaded: %1</source>
        <translation>The recordings could not be loaded: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) shown</source>
        <translation>
            <numerusform>%n recording shown</numerusform>
            <numerusform>%n recordings shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cv::RecordingListModel</name>
    <message>
        <source>Inbound</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Outbound</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>Customer phone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
</context>
</TS>
