<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <location filename="../app/callvault/main.cpp" line="52"/>
        <location filename="../app/callvault/main.cpp" line="58"/>
        <source>CallVault</source>
        <translation>CallVault</translation>
    </message>
    <message>
        <location filename="../app/callvault/main.cpp" line="53"/>
        <source>The site could not be opened:
%1</source>
        <translation>The site could not be opened:
%1</translation>
    </message>
    <message>
        <location filename="../app/callvault/main.cpp" line="59"/>
        <source>The catalog could not be opened:
%1</source>
        <translation>The catalog could not be opened:
%1</translation>
    </message>
</context>
<context>
    <name>cv::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="17"/>
        <source>CallVault — %1</source>
        <translation>CallVault — %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="30"/>
        <source>Catalog</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="30"/>
        <source>The recordings could not be loaded: %1</source>
        <translation>The recordings could not be loaded: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="38"/>
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
        <location filename="../ui/recordinglistmodel.cpp" line="33"/>
        <source>Inbound</source>
        <translation>Inbound</translation>
    </message>
    <message>
        <location filename="../ui/recordinglistmodel.cpp" line="35"/>
        <source>Outbound</source>
        <translation>Outbound</translation>
    </message>
    <message>
        <location filename="../ui/recordinglistmodel.cpp" line="37"/>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <location filename="../ui/recordinglistmodel.cpp" line="47"/>
        <source>Complete</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../ui/recordinglistmodel.cpp" line="49"/>
        <source>Unfinished</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <location filename="../ui/recordinglistmodel.cpp" line="51"/>
        <source>Recovered</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <location filename="../ui/recordinglistmodel.cpp" line="79"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../ui/recordinglistmodel.cpp" line="81"/>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../ui/recordinglistmodel.cpp" line="83"/>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../ui/recordinglistmodel.cpp" line="85"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../ui/recordinglistmodel.cpp" line="87"/>
        <source>Customer phone</source>
        <translation>Customer phone</translation>
    </message>
    <message>
        <location filename="../ui/recordinglistmodel.cpp" line="89"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
</TS>
