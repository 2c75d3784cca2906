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
    <name>cv::PlayerPanel</name>
    <message>
        <source>Playback stopped: %1</source>
        <translation>Playback stopped: %1</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (or turn the mouse wheel)</source>
        <translation>Zoom in (or turn the mouse wheel)</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>⏪ 5 s</source>
        <translation>⏪ 5 s</translation>
    </message>
    <message>
        <source>Back 5 seconds (Left)</source>
        <translation>Back 5 seconds (Left)</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <source>5 s ⏩</source>
        <translation>5 s ⏩</translation>
    </message>
    <message>
        <source>Forward 5 seconds (Right)</source>
        <translation>Forward 5 seconds (Right)</translation>
    </message>
    <message>
        <source>Playback speed; the pitch stays the same ([ slower, ] faster)</source>
        <translation>Playback speed; the pitch stays the same ([ slower, ] faster)</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>Loop start at the position</source>
        <translation>Loop start at the position</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Loop end at the position: A-B repeats</source>
        <translation>Loop end at the position: A-B repeats</translation>
    </message>
    <message>
        <source>No loop</source>
        <translation>No loop</translation>
    </message>
    <message>
        <source>Play on without the loop</source>
        <translation>Play on without the loop</translation>
    </message>
    <message>
        <source>Skip silences</source>
        <translation>Skip silences</translation>
    </message>
    <message>
        <source>Jump over pauses longer than a second where neither party speaks</source>
        <translation>Jump over pauses longer than a second where neither party speaks</translation>
    </message>
    <message>
        <source>Mute or unmute %1</source>
        <translation>Mute or unmute %1</translation>
    </message>
    <message>
        <source>Volume of %1</source>
        <translation>Volume of %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Note for the next bookmark</source>
        <translation>Note for the next bookmark</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <source>Bookmark the position (B)</source>
        <translation>Bookmark the position (B)</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Recording %1</translation>
    </message>
    <message>
        <source>You may not play this recording. %1</source>
        <translation>You may not play this recording. %1</translation>
    </message>
    <message>
        <source>The recording cannot be opened: %1</source>
        <translation>The recording cannot be opened: %1</translation>
    </message>
    <message>
        <source>Loop start (A) at %1; set B to repeat.</source>
        <translation>Loop start (A) at %1; set B to repeat.</translation>
    </message>
    <message>
        <source>The loop end (B) must come after its start (A).</source>
        <translation>The loop end (B) must come after its start (A).</translation>
    </message>
    <message>
        <source>The bookmark was not added: %1</source>
        <translation>The bookmark was not added: %1</translation>
    </message>
    <message>
        <source>Bookmark added at %1.</source>
        <translation>Bookmark added at %1.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>Play or pause (Space)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>Unfinished</translation>
    </message>
    <message>
        <source>The recording did not end normally; it plays up to its last saved second.</source>
        <translation>The recording did not end normally; it plays up to its last saved second.</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <source>Recovered after a crash; up to the last second before it may be missing.</source>
        <translation>Recovered after a crash; up to the last second before it may be missing.</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Complete</translation>
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
<context>
    <name>cv::WaveformView</name>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>No waveform stored for this recording; it appears once playback starts.</source>
        <translation>No waveform stored for this recording; it appears once playback starts.</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(no note)</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
</context>
</TS>
