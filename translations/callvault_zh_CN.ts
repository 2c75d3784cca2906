<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>CallVault</source>
        <translation>CallVault 录音质检</translation>
    </message>
    <message>
        <source>The site could not be opened:
%1</source>
        <translation>无法打开站点：
%1</translation>
    </message>
    <message>
        <source>The catalog could not be opened:
%1</source>
        <translation>无法打开录音目录库：
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
        <translation>录音目录</translation>
    </message>
    <message>
        <source>The recordings could not be loaded: %1</source>
        <translation>无法加载录音：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) shown</source>
        <translation>
            <numerusform>已显示 %n 条录音</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cv::PlayerPanel</name>
    <message>
        <source>Playback stopped: %1</source>
        <translation>播放已停止：%1</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in (or turn the mouse wheel)</source>
        <translation>放大（或滚动鼠标滚轮）</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>⏪ 5 s</source>
        <translation>⏪ 5 秒</translation>
    </message>
    <message>
        <source>Back 5 seconds (Left)</source>
        <translation>后退 5 秒（←）</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>5 s ⏩</source>
        <translation>5 秒 ⏩</translation>
    </message>
    <message>
        <source>Forward 5 seconds (Right)</source>
        <translation>前进 5 秒（→）</translation>
    </message>
    <message>
        <source>Playback speed; the pitch stays the same ([ slower, ] faster)</source>
        <translation>播放速度，音调保持不变（[ 减速，] 加速）</translation>
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
        <translation>在当前位置设置循环起点</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Loop end at the position: A-B repeats</source>
        <translation>在当前位置设置循环终点：A-B 段重复播放</translation>
    </message>
    <message>
        <source>No loop</source>
        <translation>取消循环</translation>
    </message>
    <message>
        <source>Play on without the loop</source>
        <translation>取消循环，继续播放</translation>
    </message>
    <message>
        <source>Skip silences</source>
        <translation>跳过静音</translation>
    </message>
    <message>
        <source>Jump over pauses longer than a second where neither party speaks</source>
        <translation>跳过双方都不说话、超过一秒的停顿</translation>
    </message>
    <message>
        <source>Mute or unmute %1</source>
        <translation>静音或取消静音：%1</translation>
    </message>
    <message>
        <source>Volume of %1</source>
        <translation>%1音量</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Note for the next bookmark</source>
        <translation>下一个书签的备注</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>书签</translation>
    </message>
    <message>
        <source>Bookmark the position (B)</source>
        <translation>在当前位置添加书签（B）</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>录音 %1</translation>
    </message>
    <message>
        <source>You may not play this recording. %1</source>
        <translation>您无权播放此录音。%1</translation>
    </message>
    <message>
        <source>The recording cannot be opened: %1</source>
        <translation>无法打开录音：%1</translation>
    </message>
    <message>
        <source>Loop start (A) at %1; set B to repeat.</source>
        <translation>循环起点 (A) 设在 %1；设置 B 后开始重复。</translation>
    </message>
    <message>
        <source>The loop end (B) must come after its start (A).</source>
        <translation>循环终点 (B) 必须在起点 (A) 之后。</translation>
    </message>
    <message>
        <source>The bookmark was not added: %1</source>
        <translation>书签未添加：%1</translation>
    </message>
    <message>
        <source>Bookmark added at %1.</source>
        <translation>已在 %1 添加书签。</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play or pause (Space)</source>
        <translation>播放或暂停（空格键）</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>The recording did not end normally; it plays up to its last saved second.</source>
        <translation>录音未正常结束，可播放到最后保存的一秒。</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Recovered after a crash; up to the last second before it may be missing.</source>
        <translation>崩溃后恢复的录音，崩溃前最多一秒的内容可能缺失。</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完整</translation>
    </message>
</context>
<context>
    <name>cv::RecordingListModel</name>
    <message>
        <source>Inbound</source>
        <translation>呼入</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>呼出</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完整</translation>
    </message>
    <message>
        <source>Unfinished</source>
        <translation>未完成</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>班组</translation>
    </message>
</context>
<context>
    <name>cv::WaveformView</name>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>No waveform stored for this recording; it appears once playback starts.</source>
        <translation>此录音没有保存波形，开始播放后将显示。</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>（无备注）</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2（%3）</translation>
    </message>
</context>
</TS>
