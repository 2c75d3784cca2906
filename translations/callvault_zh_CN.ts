<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LoginErrorText</name>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>Too many failed log-ins: this account is locked for a while. Try again later or ask an administrator to unlock it.</source>
        <translation>登录失败次数过多：此账户已被暂时锁定。请稍后再试，或请管理员解锁。</translation>
    </message>
    <message>
        <source>Log-in is not possible right now: the catalog cannot be reached. Ask an administrator to check it.</source>
        <translation>目前无法登录：无法连接录音目录库。请管理员检查。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>Log-in failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
</context>
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
</context>
<context>
    <name>cv::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>An administrator has reset the password of %1. Choose your own password now; CallVault cannot be used before.</source>
        <translation>管理员已重置 %1 的密码。请现在设置您自己的密码；设置之前无法使用 CallVault。</translation>
    </message>
    <message>
        <source>Change the password of %1.</source>
        <translation>修改 %1 的密码。</translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n character(s), must not be your user name and must differ from the current one.</source>
        <translation>
            <numerusform>新密码至少需要 %n 个字符，不能是您的用户名，并且必须与当前密码不同。</numerusform>
        </translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>当前密码：</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>再次输入新密码：</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the new password twice.</source>
        <translation>两次输入的新密码不一致。请将新密码输入两次。</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>密码未修改：%1</translation>
    </message>
</context>
<context>
    <name>cv::ExportAction</name>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export the selected recordings to .opus or .wav files with a signed manifest.</source>
        <translation>将选中的录音导出为 .opus 或 .wav 文件，并附带签名清单。</translation>
    </message>
    <message>
        <source>Your role (%1) may not export recordings.</source>
        <translation>您的角色（%1）不能导出录音。</translation>
    </message>
</context>
<context>
    <name>cv::ExportDialog</name>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export recordings</source>
        <translation>导出录音</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) selected.</source>
        <translation>
            <numerusform>已选择 %n 条录音。</numerusform>
        </translation>
    </message>
    <message>
        <source>Opus (.opus, as recorded)</source>
        <translation>Opus（.opus，与录制时相同）</translation>
    </message>
    <message>
        <source>WAV (.wav, uncompressed)</source>
        <translation>WAV（.wav，未压缩）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Why are these recordings exported? (Required: kept in the audit trail and in each file&apos;s signed manifest.)</source>
        <translation>为什么要导出这些录音？（必填：将记录在审计日志和每个文件的签名清单中。）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <source>Give a reason for the export: it is kept in the audit trail and in the signed manifest.</source>
        <translation>请填写导出原因：它将记录在审计日志和签名清单中。</translation>
    </message>
    <message>
        <source>Select one or more recordings in the results first.</source>
        <translation>请先在结果中选择一条或多条录音。</translation>
    </message>
    <message>
        <source>Choose a folder that exists.</source>
        <translation>请选择一个已存在的文件夹。</translation>
    </message>
    <message>
        <source>The site keys are needed to export: %1</source>
        <translation>导出需要站点密钥：%1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exporting recording %1 of %2…</source>
        <translation>正在导出第 %1 条录音，共 %2 条…</translation>
    </message>
    <message>
        <source>%1 exported, %2 failed.</source>
        <translation>已导出 %1 条，失败 %2 条。</translation>
    </message>
    <message>
        <source>Cancelled: the recording being exported was not written; the rest were not exported.</source>
        <translation>已取消：正在导出的录音未写入，其余录音未导出。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>cv::FirstRunWizard</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>OS keychain (recommended on a desktop)</source>
        <translation>操作系统钥匙串（桌面电脑推荐）</translation>
    </message>
    <message>
        <source>Key file protected by a passphrase</source>
        <translation>受口令保护的密钥文件</translation>
    </message>
    <message>
        <source>Set up CallVault</source>
        <translation>设置 CallVault</translation>
    </message>
    <message>
        <source>Welcome to CallVault</source>
        <translation>欢迎使用 CallVault</translation>
    </message>
    <message>
        <source>There is no CallVault site in %1 yet.</source>
        <translation>%1 中还没有 CallVault 站点。</translation>
    </message>
    <message>
        <source>Create a new site on this computer</source>
        <translation>在本机创建新站点</translation>
    </message>
    <message>
        <source>Connect to an existing site on a PostgreSQL server</source>
        <translation>连接到 PostgreSQL 服务器上的现有站点</translation>
    </message>
    <message>
        <source>Create a new site</source>
        <translation>创建新站点</translation>
    </message>
    <message>
        <source>The catalog is kept in %1. Every recording is encrypted to the site&apos;s keys; without them, and without a backup of them, no call can be played.</source>
        <translation>录音目录库保存在 %1。每条录音都用站点密钥加密；没有密钥及其备份，任何通话都无法播放。</translation>
    </message>
    <message>
        <source>CallVault site</source>
        <translation>CallVault 站点</translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation>站点名称：</translation>
    </message>
    <message>
        <source>Site keys in:</source>
        <translation>站点密钥保存在：</translation>
    </message>
    <message>
        <source>Key file passphrase:</source>
        <translation>密钥文件口令：</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <source>Administrator:</source>
        <translation>管理员：</translation>
    </message>
    <message>
        <source>Administrator password:</source>
        <translation>管理员密码：</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The administrator password needs at least 10 characters. The administrator manages users and settings but reads no calls.</source>
        <translation>管理员密码至少需要 10 个字符。管理员负责管理用户和设置，但不能查看通话。</translation>
    </message>
    <message>
        <source>Connect to an existing site</source>
        <translation>连接到现有站点</translation>
    </message>
    <message>
        <source>Ask the site&apos;s administrator for its site.json (from the directory where `callvaultctl init --pg` created the site) and for the CA certificate of the PostgreSQL server. Each user then logs in as their own PostgreSQL login role.</source>
        <translation>请向站点管理员索取站点的 site.json（位于 `callvaultctl init --pg` 创建站点的目录中）以及 PostgreSQL 服务器的 CA 证书。之后每个用户都以自己的 PostgreSQL 登录角色登录。</translation>
    </message>
    <message>
        <source>Site file (site.json):</source>
        <translation>站点文件（site.json）：</translation>
    </message>
    <message>
        <source>Site file</source>
        <translation>站点文件</translation>
    </message>
    <message>
        <source>Site file (site.json)</source>
        <translation>站点文件 (site.json)</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA 证书：</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM 证书 (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Site keys on this computer:</source>
        <translation>本机的站点密钥：</translation>
    </message>
    <message>
        <source>The two administrator passwords differ.</source>
        <translation>两次输入的管理员密码不一致。</translation>
    </message>
    <message>
        <source>Type the same, non-empty key file passphrase twice.</source>
        <translation>请将同一个非空的密钥文件口令输入两次。</translation>
    </message>
    <message>
        <source>The site was not created: %1</source>
        <translation>站点未创建：%1</translation>
    </message>
    <message>
        <source>The site file %1 cannot be read.</source>
        <translation>无法读取站点文件 %1。</translation>
    </message>
    <message>
        <source>The site could not be joined: %1</source>
        <translation>无法加入站点：%1</translation>
    </message>
    <message>
        <source>Import a key backup</source>
        <translation>导入密钥备份</translation>
    </message>
    <message>
        <source>Searching needs no keys; playing calls on this computer needs the site private keys. Restore them from a key backup (callvaultctl key export) as a user allowed to manage keys, or leave the file empty to skip this step.</source>
        <translation>搜索不需要密钥；在本机播放通话需要站点私钥。请以有权管理密钥的用户身份从密钥备份（callvaultctl key export）恢复私钥，或将文件留空以跳过此步骤。</translation>
    </message>
    <message>
        <source>Key backup:</source>
        <translation>密钥备份：</translation>
    </message>
    <message>
        <source>Key backup</source>
        <translation>密钥备份</translation>
    </message>
    <message>
        <source>Backup passphrase:</source>
        <translation>备份口令：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>New key file passphrase:</source>
        <translation>新的密钥文件口令：</translation>
    </message>
    <message>
        <source>The key backup was not restored: %1</source>
        <translation>密钥备份未恢复：%1</translation>
    </message>
</context>
<context>
    <name>cv::KeyUnlockDialog</name>
    <message>
        <source>Unlock the site keys</source>
        <translation>解锁站点密钥</translation>
    </message>
    <message>
        <source>Playing and exporting calls needs the site private keys, which this workstation keeps in the passphrase-protected key file %1. They stay in memory until you log out or the session locks.</source>
        <translation>播放和导出通话需要站点私钥，本工作站将其保存在受口令保护的密钥文件 %1 中。私钥只保存在内存中，直到您注销或会话锁定。</translation>
    </message>
    <message>
        <source>Key file passphrase</source>
        <translation>密钥文件口令</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>cv::LockDialog</name>
    <message>
        <source>CallVault — locked</source>
        <translation>CallVault — 已锁定</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>注销</translation>
    </message>
    <message numerus="yes">
        <source>The session of %1 was locked after %n minute(s) without activity. Enter the password to continue.</source>
        <translation>
            <numerusform>%1 的会话在 %n 分钟无操作后已锁定。请输入密码以继续。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cv::LoginDialog</name>
    <message>
        <source>Log in to CallVault</source>
        <translation>登录 CallVault</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>站点：</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
</context>
<context>
    <name>cv::MainWindow</name>
    <message>
        <source>Recordings</source>
        <translation>录音</translation>
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
    <message>
        <source>Your role (%1) may not search recordings.</source>
        <translation>您的角色（%1）无权搜索录音。</translation>
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
<context>
    <name>cv::SessionMenu</name>
    <message>
        <source>&amp;Session</source>
        <translation>会话(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>修改密码(&amp;C)…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>注销(&amp;O)</translation>
    </message>
</context>
<context>
    <name>cv::WorkstationSession</name>
    <message>
        <source>CallVault — %1 (%2) — %3</source>
        <translation>CallVault — %1（%2）— %3</translation>
    </message>
    <message>
        <source>This session belongs to %1; only they can unlock it. Log out to let another user log in.</source>
        <translation>此会话属于 %1，只有该用户才能解锁。如需其他用户登录，请先注销。</translation>
    </message>
    <message>
        <source>Log in again to use the site keys.</source>
        <translation>请重新登录后再使用站点密钥。</translation>
    </message>
    <message>
        <source>The site keys stay locked.</source>
        <translation>站点密钥保持锁定。</translation>
    </message>
    <message>
        <source>That passphrase does not open the key file %1. Check the keyboard layout and Caps Lock, and try again.</source>
        <translation>该口令无法打开密钥文件 %1。请检查键盘布局和大写锁定键，然后重试。</translation>
    </message>
</context>
</TS>
