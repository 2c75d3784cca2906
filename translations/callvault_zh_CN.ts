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
<context>
    <name>cv::RecordingText</name>
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
        <source>negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>cv::SavedSearches</name>
    <message>
        <source>There is no saved search &quot;%1&quot;.</source>
        <translation>没有名为“%1”的已存搜索。</translation>
    </message>
    <message>
        <source>A saved search needs a name of 1 to %1 characters.</source>
        <translation>已存搜索的名称须为 1 到 %1 个字符。</translation>
    </message>
    <message>
        <source>The saved searches could not be written.</source>
        <translation>无法写入已存搜索。</translation>
    </message>
</context>
<context>
    <name>cv::SearchFilterPanel</name>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>时间(&amp;T)：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>name or agent id</source>
        <translation>姓名或坐席工号</translation>
    </message>
    <message>
        <source>&amp;Agent:</source>
        <translation>坐席(&amp;A)：</translation>
    </message>
    <message>
        <source>T&amp;eam:</source>
        <translation>班组(&amp;E)：</translation>
    </message>
    <message>
        <source>13800138000, 138 0013*, *8000</source>
        <translation>13800138000、138 0013*、*8000</translation>
    </message>
    <message>
        <source>A whole number matches it in any written form; end with * for numbers that begin so; start with * for the last four or more digits.</source>
        <translation>完整号码可匹配其任意写法；以 * 结尾查找以此开头的号码；以 * 开头按末尾四位或更多位查找。</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>电话(&amp;P)：</translation>
    </message>
    <message>
        <source>Any direction</source>
        <translation>不限方向</translation>
    </message>
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
        <source>&amp;Direction:</source>
        <translation>方向(&amp;D)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>时长(&amp;U)：</translation>
    </message>
    <message>
        <source>Sentiment between</source>
        <translation>情绪介于</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>标签，以逗号分隔</translation>
    </message>
    <message>
        <source>any of them</source>
        <translation>任一</translation>
    </message>
    <message>
        <source>all of them</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G)：</translation>
    </message>
    <message>
        <source>Evaluated or not</source>
        <translation>不限是否质检</translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>已质检</translation>
    </message>
    <message>
        <source>Not evaluated</source>
        <translation>未质检</translation>
    </message>
    <message>
        <source>E&amp;valuation:</source>
        <translation>质检(&amp;V)：</translation>
    </message>
    <message>
        <source>Score between</source>
        <translation>得分介于</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Any team</source>
        <translation>不限班组</translation>
    </message>
    <message>
        <source>The phone filter is not a number: %1</source>
        <translation>电话筛选条件不是号码：%1</translation>
    </message>
</context>
<context>
    <name>cv::SearchPanel</name>
    <message>
        <source>Right-click to choose the columns</source>
        <translation>右键单击以选择显示的列</translation>
    </message>
    <message>
        <source>Your saved searches</source>
        <translation>您的已存搜索</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>已存搜索</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <source>Name of this search:</source>
        <translation>此搜索的名称：</translation>
    </message>
    <message>
        <source>Saved search</source>
        <translation>已存搜索</translation>
    </message>
    <message>
        <source>The saved search &quot;%1&quot; cannot be used: %2</source>
        <translation>无法使用已存搜索“%1”：%2</translation>
    </message>
    <message>
        <source>Delete saved search</source>
        <translation>删除已存搜索</translation>
    </message>
    <message>
        <source>Delete the saved search &quot;%1&quot;?</source>
        <translation>删除已存搜索“%1”？</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>Choose filters and press Search.</source>
        <translation>请选择筛选条件，然后点击“搜索”。</translation>
    </message>
    <message>
        <source>%1 shown, counting…</source>
        <translation>已显示 %1 条，正在计数…</translation>
    </message>
    <message>
        <source>%1 of %2 recordings shown</source>
        <translation>已显示 %1 / %2 条录音</translation>
    </message>
    <message>
        <source>(loading)</source>
        <translation>（加载中）</translation>
    </message>
</context>
<context>
    <name>cv::SearchResultModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
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
        <source>Team</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>客户电话</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>情绪</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>存储层</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
</TS>
