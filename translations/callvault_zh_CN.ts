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
</TS>
