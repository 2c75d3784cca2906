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
    <name>cv::AdminPanel</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Site keys</source>
        <translation>站点密钥</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Teams and agents</source>
        <translation>班组与坐席</translation>
    </message>
</context>
<context>
    <name>cv::AuditPanel</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation>
            <numerusform>已显示 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Your role (%1) may not read the audit trail.</source>
        <translation>您的角色（%1）无权查看审计记录。</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>任意用户</translation>
    </message>
    <message>
        <source>any action (a prefix such as recording.)</source>
        <translation>任意操作（可填前缀，如 recording.）</translation>
    </message>
    <message>
        <source>any target (a recording id, a user, …)</source>
        <translation>任意对象（录音编号、用户等）</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>时间介于</translation>
    </message>
    <message>
        <source>and</source>
        <translation>与</translation>
    </message>
    <message>
        <source>allowed or denied</source>
        <translation>允许或拒绝</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>对象：</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Verify the whole chain</source>
        <translation>校验整条哈希链</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export signed extract…</source>
        <translation>导出签名摘录…</translation>
    </message>
    <message>
        <source>A signed file of the rows in the chosen time range, which anyone can verify with the site&apos;s public key.</source>
        <translation>所选时间范围内记录的签名文件，任何人都可用站点公钥校验。</translation>
    </message>
    <message>
        <source>Your role (%1) may not verify the audit trail.</source>
        <translation>您的角色（%1）无权校验审计记录。</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>正在校验…</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>校验已取消。</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation>无法读取审计记录：%1</translation>
    </message>
    <message>
        <source>VALID: all %1 rows up to row %2 are intact; %3 signed checkpoint(s) verified.</source>
        <translation>有效：截至第 %2 行的全部 %1 行均完好；已验证 %3 个签名检查点。</translation>
    </message>
    <message>
        <source>BROKEN at row %1: %2 (the %3 rows before it are intact).</source>
        <translation>在第 %1 行断裂：%2（此前的 %3 行完好）。</translation>
    </message>
    <message>
        <source>Export signed audit extract</source>
        <translation>导出签名审计摘录</translation>
    </message>
    <message>
        <source>Audit extracts (*.json)</source>
        <translation>审计摘录 (*.json)</translation>
    </message>
    <message>
        <source>Choose the time range of the extract (Between … and …) first.</source>
        <translation>请先选择摘录的时间范围（“时间介于…与…”）。</translation>
    </message>
    <message>
        <source>The extract needs the site&apos;s signing key: %1</source>
        <translation>导出摘录需要站点签名密钥：%1</translation>
    </message>
    <message>
        <source>Writing the extract…</source>
        <translation>正在写入摘录…</translation>
    </message>
    <message>
        <source>Wrote %1: %2 rows, %3 signed checkpoint(s), signing key %4.</source>
        <translation>已写入 %1：%2 行，%3 个签名检查点，签名密钥 %4。</translation>
    </message>
    <message>
        <source>The extract could not be written: %1</source>
        <translation>无法写入摘录：%1</translation>
    </message>
</context>
<context>
    <name>cv::AuditTrailModel</name>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>程序</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>cv::CalibrationPanel</name>
    <message>
        <source>&amp;New session…</source>
        <translation>新建校准会话(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Save my score</source>
        <translation>保存我的评分(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>揭晓(&amp;R)</translation>
    </message>
    <message>
        <source>Shows everyone&apos;s scores side by side. Scores can no longer change afterwards.</source>
        <translation>并排显示所有人的评分。揭晓后评分不能再修改。</translation>
    </message>
    <message>
        <source>Call:</source>
        <translation>通话：</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n call(s), %2</source>
        <translation>
            <numerusform>%1 — %n 通通话，%2</numerusform>
        </translation>
    </message>
    <message>
        <source>revealed</source>
        <translation>已揭晓</translation>
    </message>
    <message>
        <source>blind</source>
        <translation>盲评中</translation>
    </message>
    <message>
        <source>No calibration session yet: select calls in Recordings, then New session.</source>
        <translation>还没有校准会话：请在“录音”中选择通话，然后点击“新建校准会话”。</translation>
    </message>
    <message>
        <source>You take part in no calibration session yet.</source>
        <translation>您还没有参与任何校准会话。</translation>
    </message>
    <message>
        <source>Select the calls to calibrate on in Recordings first.</source>
        <translation>请先在“录音”中选择要校准的通话。</translation>
    </message>
    <message>
        <source>Session started; the evaluators score blind until you reveal it.</source>
        <translation>会话已开始；在您揭晓之前，评估员将盲评。</translation>
    </message>
    <message>
        <source>Left out (did not score every call): %1</source>
        <translation>未纳入比较（未评完所有通话）：%1</translation>
    </message>
    <message>
        <source> (scored)</source>
        <translation>（已评分）</translation>
    </message>
    <message>
        <source>Call %1 — %2, agent %3%4</source>
        <translation>通话 %1 — %2，坐席 %3%4</translation>
    </message>
    <message>
        <source>Call %1%2</source>
        <translation>通话 %1%2</translation>
    </message>
    <message>
        <source>Progress unknown: %1</source>
        <translation>进度未知：%1</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>%1, revealed %2. Scored: %3</source>
        <translation>%1，已于 %2 揭晓。评分进度：%3</translation>
    </message>
    <message>
        <source>%1, blind: nobody sees another&apos;s scores until %2 reveals it. Scored: %3</source>
        <translation>%1，盲评中：在 %2 揭晓之前，任何人都看不到他人的评分。评分进度：%3</translation>
    </message>
    <message>
        <source>Your score of call %1 is saved (%2). Others see it only after the reveal.</source>
        <translation>您对通话 %1 的评分已保存（%2）。揭晓后他人才能看到。</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <source>Answers you did not save in &quot;%1&quot; were dropped.</source>
        <translation>“%1”中未保存的答案已丢弃。</translation>
    </message>
    <message>
        <source>Two evaluators at least must score every call before the reveal.</source>
        <translation>揭晓前，至少两名评估员必须评完所有通话。</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
</context>
<context>
    <name>cv::CalibrationRevealView</name>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Answers per call</source>
        <translation>各通话的答案</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>一致率</translation>
    </message>
    <message>
        <source>κ</source>
        <translation>κ</translation>
    </message>
    <message>
        <source>Total scores per call</source>
        <translation>各通话的总分</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>差</translation>
    </message>
    <message>
        <source>slight</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>中等</translation>
    </message>
    <message>
        <source>substantial</source>
        <translation>较高</translation>
    </message>
    <message>
        <source>almost perfect</source>
        <translation>几乎完全一致</translation>
    </message>
    <message>
        <source>Overall agreement: κ is undefined (every answer was the same).</source>
        <translation>总体一致性：κ 无定义（所有答案都相同）。</translation>
    </message>
    <message numerus="yes">
        <source>Total scores: ICC(2,1) = %1 over %n call(s).</source>
        <translation>
            <numerusform>总分：ICC(2,1) = %1，共 %n 通通话。</numerusform>
        </translation>
    </message>
    <message>
        <source>Total scores: no ICC (it needs two calls or more, and scores that vary); compare the spread below.</source>
        <translation>总分：无法计算 ICC（需要至少两通通话且分数有差异）；请比较下方的分差。</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) to discuss (highlighted).</source>
        <translation>
            <numerusform>有 %n 个问题需要讨论（已突出显示）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Evaluators disagree on this question</source>
        <translation>评估员在此问题上意见不一</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>分差</translation>
    </message>
    <message numerus="yes">
        <source>Overall agreement: Fleiss&apos; κ = %1 (%2) over %n rated item(s) (a question on a call).</source>
        <translation>
            <numerusform>总体一致性：Fleiss κ = %1（%2），共 %n 个评分项（某通话中的某个问题）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cv::CallEvaluationsPanel</name>
    <message>
        <source>#%1 · %2 · %3 · %4</source>
        <translation>#%1 · %2 · %3 · %4</translation>
    </message>
    <message>
        <source>&amp;Evaluate</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <source>Start a new evaluation of this call with the chosen form.</source>
        <translation>用所选表单开始评估这通电话。</translation>
    </message>
    <message>
        <source>Evaluations:</source>
        <translation>评估：</translation>
    </message>
    <message>
        <source>Choose a call to see or start its evaluations.</source>
        <translation>请选择一通电话，查看或开始评估。</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（第 %2 版）</translation>
    </message>
    <message>
        <source>No evaluation form is published yet: a supervisor publishes them under Quality → Forms.</source>
        <translation>尚未发布评估表单：主管可在“质检 → 表单”中发布。</translation>
    </message>
    <message>
        <source>This call has no evaluation yet.</source>
        <translation>这通电话还没有评估。</translation>
    </message>
    <message>
        <source>%1, version %2 · evaluator %3 · %4 · score %5 · due %6</source>
        <translation>%1，第 %2 版 · 评估员 %3 · %4 · 得分 %5 · 截止 %6</translation>
    </message>
    <message>
        <source>A new draft: answer the questions, then submit.</source>
        <translation>已新建草稿：请回答各问题，然后提交。</translation>
    </message>
    <message>
        <source>Draft saved at %1.</source>
        <translation>草稿已于 %1 保存。</translation>
    </message>
    <message>
        <source>Submitted with score %1. The agent is asked to acknowledge it.</source>
        <translation>已提交，得分 %1。坐席将被要求确认。</translation>
    </message>
    <message>
        <source>You acknowledged the evaluation.</source>
        <translation>您已确认此评估。</translation>
    </message>
    <message>
        <source>Your dispute was sent; a supervisor decides.</source>
        <translation>您的申诉已提交，由主管裁决。</translation>
    </message>
    <message>
        <source>Re-scored; the agent sees the new score and your notes.</source>
        <translation>已重新评分；坐席将看到新分数和您的说明。</translation>
    </message>
    <message>
        <source>Upheld; the agent sees your notes.</source>
        <translation>已维持原分；坐席将看到您的说明。</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
</context>
<context>
    <name>cv::CaptureText</name>
    <message>
        <source>Both directions recorded.</source>
        <translation>双向均已录音。</translation>
    </message>
    <message>
        <source>Answered, but no audio reached the recorder.</source>
        <translation>已接通，但录音器未收到任何语音。</translation>
    </message>
    <message>
        <source>Only one direction&apos;s audio reached the recorder; the other lane is silent.</source>
        <translation>录音器只收到单向语音，另一声道为静音。</translation>
    </message>
    <message>
        <source>The call used a codec the recorder cannot decode.</source>
        <translation>该通话使用了录音器无法解码的编码。</translation>
    </message>
    <message>
        <source>The call&apos;s audio was encrypted (SRTP); a passive recorder cannot record it.</source>
        <translation>该通话语音已加密（SRTP），旁路录音无法录制。</translation>
    </message>
    <message>
        <source>The recording was stopped through the control API before the call ended.</source>
        <translation>通话结束前，录音已通过控制接口停止。</translation>
    </message>
    <message>
        <source>The recorder could not write the recording (disk full or failing).</source>
        <translation>录音器无法写入录音（磁盘已满或故障）。</translation>
    </message>
    <message>
        <source>Cancelled or refused before any audio.</source>
        <translation>在有语音之前已取消或被拒绝。</translation>
    </message>
    <message>
        <source>The recorder stopped during the call; the recording was recovered (at most 1 s lost).</source>
        <translation>录音器在通话中停止；录音已恢复（最多丢失 1 秒）。</translation>
    </message>
    <message>
        <source>Recorder: %1.</source>
        <translation>录音器：%1。</translation>
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
        <source>%1: %2 packets, %3 lost, jitter %4 ms.</source>
        <translation>%1：%2 个包，丢失 %3 个，抖动 %4 毫秒。</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>key tones</source>
        <translation>按键音</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Masked: %1.</source>
        <translation>已屏蔽：%1。</translation>
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
    <name>cv::EvaluationListView</name>
    <message>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>评估员</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Could not load: %1</source>
        <translation>无法加载：%1</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 第 %2 版</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s)</source>
        <translation>
            <numerusform>%n 条评估</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cv::EvaluationPane</name>
    <message>
        <source>Overall comment</source>
        <translation>总体评语</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（第 %2 版）</translation>
    </message>
    <message>
        <source>Section score: 0 (a critical question failed)</source>
        <translation>本部分得分：0（关键项未通过）</translation>
    </message>
    <message>
        <source>Section score: %1</source>
        <translation>本部分得分：%1</translation>
    </message>
    <message>
        <source>Section score: N/A</source>
        <translation>本部分得分：不适用</translation>
    </message>
    <message>
        <source>No form chosen.</source>
        <translation>尚未选择评分表。</translation>
    </message>
    <message>
        <source>Score: 0 — a fatal question failed</source>
        <translation>得分：0 — 致命项未通过</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>得分：%1</translation>
    </message>
    <message>
        <source>Score: —</source>
        <translation>得分：—</translation>
    </message>
    <message numerus="yes">
        <source>(provisional: %n question(s) not answered yet)</source>
        <translation>
            <numerusform>（暂定：还有 %n 个问题未作答）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cv::EvaluationStepBar</name>
    <message>
        <source>Save &amp;draft</source>
        <translation>保存草稿(&amp;D)</translation>
    </message>
    <message>
        <source>Su&amp;bmit</source>
        <translation>提交(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>确认(&amp;A)</translation>
    </message>
    <message>
        <source>D&amp;ispute…</source>
        <translation>申诉(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>裁决(&amp;R)…</translation>
    </message>
    <message>
        <source>Every question must be answered (or N/A where allowed) first.</source>
        <translation>须先回答每个问题（允许时可选“不适用”）。</translation>
    </message>
    <message>
        <source>Dispute the evaluation</source>
        <translation>申诉此评估</translation>
    </message>
    <message>
        <source>Why do you dispute it? A supervisor reads this and decides.</source>
        <translation>申诉理由是什么？主管会阅读并裁决。</translation>
    </message>
</context>
<context>
    <name>cv::EvaluationText</name>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>申诉中</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已裁决</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
    <message>
        <source>%1 — %2 submitted it (score %3)</source>
        <translation>%1 — %2 提交了评估（得分 %3）</translation>
    </message>
    <message>
        <source>%1 — %2 acknowledged it</source>
        <translation>%1 — %2 确认了评估</translation>
    </message>
    <message>
        <source>%1 — %2 disputed it: %3</source>
        <translation>%1 — %2 提出申诉：%3</translation>
    </message>
    <message>
        <source>%1 — %2 upheld the score: %3</source>
        <translation>%1 — %2 维持原分：%3</translation>
    </message>
    <message>
        <source>%1 — %2 re-scored it from %3 to %4: %5</source>
        <translation>%1 — %2 将得分从 %3 改为 %4：%5</translation>
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
    <name>cv::FormDesigner</name>
    <message>
        <source>Add section</source>
        <translation>添加部分</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>添加问题</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>标识：</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>Select a section or a question to edit it.</source>
        <translation>请选择一个部分或问题进行编辑。</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>New form</source>
        <translation>新评分表</translation>
    </message>
    <message>
        <source>Form id:</source>
        <translation>评分表标识：</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>权重 %1</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>致命项</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>关键项</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>新部分</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>新问题</translation>
    </message>
    <message>
        <source>The form is ready to publish.</source>
        <translation>评分表已可发布。</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before the form can be published.</source>
        <translation>
            <numerusform>发布前还需修正 %n 个问题。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a form CallVault can use: %2</source>
        <translation>%1 不是 CallVault 可用的评分表：%2</translation>
    </message>
    <message>
        <source>Imported %1 (version %2).</source>
        <translation>已导入 %1（第 %2 版）。</translation>
    </message>
    <message>
        <source>Fix the problems listed above first.</source>
        <translation>请先修正上面列出的问题。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>已导出到 %1。</translation>
    </message>
    <message>
        <source>Import a form</source>
        <translation>导入评分表</translation>
    </message>
    <message>
        <source>Forms (*.json)</source>
        <translation>评分表 (*.json)</translation>
    </message>
    <message>
        <source>Export the form</source>
        <translation>导出评分表</translation>
    </message>
</context>
<context>
    <name>cv::FormsPanel</name>
    <message>
        <source>&amp;New form</source>
        <translation>新建表单(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>Add the &amp;built-in forms</source>
        <translation>添加内置表单(&amp;B)</translation>
    </message>
    <message>
        <source>Publishes the general service-quality form and the 双录 compliance form, in English and Chinese.</source>
        <translation>发布通用服务质量表单和双录合规表单（英文和中文）。</translation>
    </message>
    <message>
        <source>Published forms (latest versions):</source>
        <translation>已发布的表单（最新版本）：</translation>
    </message>
    <message>
        <source>Could not read the forms: %1</source>
        <translation>无法读取表单：%1</translation>
    </message>
    <message>
        <source>%1 — %2 (version %3, %4)</source>
        <translation>%1 — %2（第 %3 版，%4）</translation>
    </message>
    <message>
        <source>Could not open form %1: %2</source>
        <translation>无法打开表单 %1：%2</translation>
    </message>
    <message>
        <source>Form %1 cannot be edited here: %2</source>
        <translation>表单 %1 无法在此编辑：%2</translation>
    </message>
    <message>
        <source>Editing %1 version %2; publishing a change makes version %3.</source>
        <translation>正在编辑 %1 第 %2 版；发布修改将生成第 %3 版。</translation>
    </message>
    <message>
        <source>A new form: give it an id, a title, sections and questions.</source>
        <translation>新表单：请填写标识、标题、分区和问题。</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>未发布：%1</translation>
    </message>
    <message>
        <source>Published %1 version %2.</source>
        <translation>已发布 %1 第 %2 版。</translation>
    </message>
    <message>
        <source>%1 version %2 already says this; nothing was published.</source>
        <translation>%1 第 %2 版内容相同，未发布新版本。</translation>
    </message>
    <message>
        <source>Built-in form %1 is damaged: %2</source>
        <translation>内置表单 %1 已损坏：%2</translation>
    </message>
    <message numerus="yes">
        <source>Published %n built-in form(s).</source>
        <translation>
            <numerusform>已发布 %n 个内置表单。</numerusform>
        </translation>
    </message>
    <message>
        <source>The built-in forms are already published.</source>
        <translation>内置表单已发布。</translation>
    </message>
    <message>
        <source>Your role (%1) may not publish forms.</source>
        <translation>您的角色（%1）无权发布表单。</translation>
    </message>
    <message>
        <source>Fix the problems the designer lists first.</source>
        <translation>请先修正设计器列出的问题。</translation>
    </message>
    <message>
        <source>Publish as a new version; evaluations keep the version they used.</source>
        <translation>发布为新版本；已有评估保留其所用版本。</translation>
    </message>
</context>
<context>
    <name>cv::KeyRotationPanel</name>
    <message>
        <source>Rotate the encryption key…</source>
        <translation>轮换加密密钥…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Destroy the retired keys…</source>
        <translation>销毁已退役的密钥…</translation>
    </message>
    <message>
        <source>Key rotation</source>
        <translation>密钥轮换</translation>
    </message>
    <message>
        <source>A rotation makes a new encryption key and re-wraps every recording&apos;s data key to it; the audio itself is not rewritten. It can be cancelled and resumed. The old key stays in the key store until you destroy it.</source>
        <translation>轮换会生成新的加密密钥，并用它重新封装每条录音的数据密钥；音频本身不会被重写。轮换可以取消，之后继续。旧密钥会保留在密钥库中，直到您将其销毁。</translation>
    </message>
    <message>
        <source>Your role (%1) may not manage the site keys.</source>
        <translation>您的角色（%1）无权管理站点密钥。</translation>
    </message>
    <message>
        <source>The key status could not be read: %1</source>
        <translation>无法读取密钥状态：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n recording key(s) in the catalog, %1 on the current key.</source>
        <translation>
            <numerusform>目录中共有 %n 个录音密钥，其中 %1 个使用当前密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>The encryption key has never been rotated.</source>
        <translation>加密密钥从未轮换过。</translation>
    </message>
    <message numerus="yes">
        <source>Rotation %1, started %2 by %3, is not finished: %n key(s) to go.</source>
        <translation>
            <numerusform>轮换 %1（%2 由 %3 发起）尚未完成：还剩 %n 个密钥。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last rotation %1 finished %2 (%n key(s) re-wrapped); its signed record is %3.</source>
        <translation>
            <numerusform>上次轮换 %1 于 %2 完成（重新封装了 %n 个密钥）；其签名记录%3。</numerusform>
        </translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>NOT valid</source>
        <translation>无效</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) arrived later still wrapped to an old key (a capture node that was offline).</source>
        <translation>
            <numerusform>有 %n 个后到的密钥仍由旧密钥封装（来自曾离线的采集节点）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume the re-wrapping</source>
        <translation>继续重新封装</translation>
    </message>
    <message>
        <source>Rotate the encryption key</source>
        <translation>轮换加密密钥</translation>
    </message>
    <message>
        <source>The rotation did not start: %1</source>
        <translation>轮换未能开始：%1</translation>
    </message>
    <message>
        <source>Rotation %1 started: the new key&apos;s fingerprint is %2.</source>
        <translation>轮换 %1 已开始：新密钥的指纹为 %2。</translation>
    </message>
    <message>
        <source>The site keys are not available here: %1</source>
        <translation>此处无法使用站点密钥：%1</translation>
    </message>
    <message>
        <source>The re-wrapping stopped: %1</source>
        <translation>重新封装已停止：%1</translation>
    </message>
    <message numerus="yes">
        <source>Rotation finished: %n key(s) re-wrapped and the record signed. Make a new key backup for the other workstations.</source>
        <translation>
            <numerusform>轮换完成：已重新封装 %n 个密钥，记录已签名。请为其他工作站制作新的密钥备份。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n key(s); Resume continues where it stopped.</source>
        <translation>
            <numerusform>已在处理 %n 个密钥后取消；点击“继续”可从中断处接着进行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) could not be re-wrapped: %1</source>
        <translation>
            <numerusform>有 %n 个密钥无法重新封装：%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late key(s) re-wrapped to the current key.</source>
        <translation>
            <numerusform>已将 %n 个后到的密钥重新封装到当前密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy the retired keys</source>
        <translation>销毁已退役的密钥</translation>
    </message>
    <message>
        <source>Destroy the old encryption keys kept since the last rotation? Do it only when every capture node has delivered its recordings: anything still wrapped to an old key could never be opened again. CallVault refuses while the catalog holds such keys.</source>
        <translation>销毁上次轮换后保留的旧加密密钥吗？请仅在所有采集节点都已上传录音后执行：任何仍由旧密钥封装的内容将永远无法再打开。目录中仍有此类密钥时，CallVault 会拒绝执行。</translation>
    </message>
    <message>
        <source>The retired keys were kept: %1</source>
        <translation>已保留退役的密钥：%1</translation>
    </message>
    <message>
        <source>There were no retired keys to destroy.</source>
        <translation>没有需要销毁的退役密钥。</translation>
    </message>
    <message numerus="yes">
        <source>Destroyed %n retired key(s).</source>
        <translation>
            <numerusform>已销毁 %n 个退役密钥。</numerusform>
        </translation>
    </message>
    <message>
        <source>Make a new site encryption key and re-wrap every recording&apos;s data key to it?

Other workstations need the new private key afterwards: make a new key backup when the rotation is done and import it there. Capture nodes need the new site.json (public keys only).</source>
        <translation>生成新的站点加密密钥，并用它重新封装每条录音的数据密钥吗？

之后其他工作站需要新的私钥：轮换完成后请制作新的密钥备份，并在那些工作站上导入。采集节点需要新的 site.json（仅含公钥）。</translation>
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
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Your role (%1) may not read the audit trail.</source>
        <translation>您的角色（%1）无权查看审计记录。</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Your role (%1) does not administer the site.</source>
        <translation>您的角色（%1）不负责站点管理。</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评估</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质检</translation>
    </message>
    <message>
        <source>Your role (%1) has no QA work.</source>
        <translation>您的角色（%1）没有质检工作。</translation>
    </message>
</context>
<context>
    <name>cv::NewCalibrationDialog</name>
    <message>
        <source>New calibration session</source>
        <translation>新建校准会话</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1（第 %2 版）</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) selected in Recordings will be scored.</source>
        <translation>
            <numerusform>将对在“录音”中选中的 %n 通通话评分。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>表单(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Evaluators (two or more):</source>
        <translation>评估员（两名或以上）(&amp;E)：</translation>
    </message>
</context>
<context>
    <name>cv::PlayerHost</name>
    <message>
        <source>Double-click a call, or select it and press Enter, to play it here.</source>
        <translation>双击一通电话，或选中后按回车键，即可在此播放。</translation>
    </message>
    <message>
        <source>The recording cannot be played here: %1</source>
        <translation>无法在此播放该录音：%1</translation>
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
        <source>« 5 s</source>
        <translation>« 5 秒</translation>
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
        <source>5 s »</source>
        <translation>5 秒 »</translation>
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
    <name>cv::QaReportCharts</name>
    <message>
        <source>Average score per period</source>
        <translation>各时段平均分</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>平均分</translation>
    </message>
</context>
<context>
    <name>cv::QaReportPdf</name>
    <message>
        <source>QA report</source>
        <translation>质检报告</translation>
    </message>
    <message>
        <source>Could not start the PDF: the file cannot be written.</source>
        <translation>无法生成 PDF：文件无法写入。</translation>
    </message>
    <message>
        <source>Site: %1 · generated by %2 on %3</source>
        <translation>站点：%1 · 由 %2 于 %3 生成</translation>
    </message>
    <message>
        <source>Average score per agent</source>
        <translation>各坐席平均分</translation>
    </message>
    <message>
        <source>Average score per team</source>
        <translation>各团队平均分</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评估数</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Dispute rate</source>
        <translation>申诉率</translation>
    </message>
    <message>
        <source>Critical fail rate</source>
        <translation>关键项不合格率</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 第%2版</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Average points</source>
        <translation>平均得分率</translation>
    </message>
    <message>
        <source>Critical failures</source>
        <translation>关键项不合格</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s) left out of the question figures: their answers could not be read.</source>
        <translation>
            <numerusform>%n 份评估的答案无法读取，未计入题目统计。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not finish the PDF.</source>
        <translation>无法完成 PDF。</translation>
    </message>
</context>
<context>
    <name>cv::QaReportView</name>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评估数</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>最低分</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>最高分</translation>
    </message>
    <message>
        <source>Dispute rate</source>
        <translation>申诉率</translation>
    </message>
    <message>
        <source>Critical fail rate</source>
        <translation>关键项不合格率</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Average points</source>
        <translation>平均得分率</translation>
    </message>
    <message>
        <source>Critical failures</source>
        <translation>关键项不合格</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Your role (%1) may not run QA reports.</source>
        <translation>您的角色（%1）无权运行质检报告。</translation>
    </message>
    <message>
        <source>Running the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message numerus="yes">
        <source>Report of %n evaluation(s).</source>
        <translation>
            <numerusform>报告共含 %n 份评估。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s) left out of the question figures: their answers could not be read.</source>
        <translation>
            <numerusform>%n 份评估的答案无法读取，未计入题目统计。</numerusform>
        </translation>
    </message>
    <message>
        <source>Average score per agent</source>
        <translation>各坐席平均分</translation>
    </message>
    <message>
        <source>Average score per team</source>
        <translation>各团队平均分</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 第%2版</translation>
    </message>
    <message>
        <source>Run a report first.</source>
        <translation>请先运行报告。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>已保存 %1。</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>将报告导出为 CSV</translation>
    </message>
    <message>
        <source>qa-report.csv</source>
        <translation>质检报告.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>将报告导出为 PDF</translation>
    </message>
    <message>
        <source>qa-report.pdf</source>
        <translation>质检报告.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>cv::QualityPanel</name>
    <message>
        <source>No evaluation of your calls yet.</source>
        <translation>您的通话还没有评估。</translation>
    </message>
    <message>
        <source>My evaluations</source>
        <translation>我的评估</translation>
    </message>
    <message>
        <source>No open dispute.</source>
        <translation>没有待处理的申诉。</translation>
    </message>
    <message>
        <source>Open disputes</source>
        <translation>待处理申诉</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>校准</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>My queue</source>
        <translation>我的待评队列</translation>
    </message>
    <message>
        <source>Sampling rules</source>
        <translation>抽样规则</translation>
    </message>
    <message>
        <source>Work item</source>
        <translation>待评任务</translation>
    </message>
    <message>
        <source>Could not start the evaluation: %1</source>
        <translation>无法开始评估：%1</translation>
    </message>
</context>
<context>
    <name>cv::QuestionEditor</name>
    <message>
        <source>fatal</source>
        <translation>致命项</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>关键项</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>评语</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>标记时间点</translation>
    </message>
    <message>
        <source>Pin this answer to the player&apos;s current position</source>
        <translation>将此答案标记到播放器的当前位置</translation>
    </message>
    <message>
        <source>Play from here</source>
        <translation>从此处播放</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Not applicable: the question is left out and the others are re-weighted</source>
        <translation>不适用：此问题不计分，其余问题重新加权</translation>
    </message>
    <message>
        <source>Open the call in the player to pin an answer to a moment.</source>
        <translation>请先在播放器中打开通话，再将答案标记到某个时间点。</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>取消标记</translation>
    </message>
</context>
<context>
    <name>cv::QuestionProperties</name>
    <message>
        <source>May be answered N/A (the others are re-weighted)</source>
        <translation>可回答“不适用”（其余问题重新加权）</translation>
    </message>
    <message>
        <source>Critical: failing it zeroes its section</source>
        <translation>关键项：未通过则本部分得零分</translation>
    </message>
    <message>
        <source>Fatal: failing it zeroes the whole evaluation</source>
        <translation>致命项：未通过则整份评估得零分</translation>
    </message>
    <message>
        <source>What the evaluator should listen for</source>
        <translation>评估员应注意听取的内容</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>是 / 否</translation>
    </message>
    <message>
        <source>Scale 1–N</source>
        <translation>1–N 分制</translation>
    </message>
    <message>
        <source>Single choice with points</source>
        <translation>单选（带分值）</translation>
    </message>
    <message>
        <source>Free text (not scored)</source>
        <translation>自由文本（不计分）</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>标识</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>分值</translation>
    </message>
    <message>
        <source>Fails</source>
        <translation>判为未通过</translation>
    </message>
    <message>
        <source>Add choice</source>
        <translation>添加选项</translation>
    </message>
    <message>
        <source>Remove choice</source>
        <translation>删除选项</translation>
    </message>
    <message>
        <source>answers that show this question, e.g. no or partial, incorrect</source>
        <translation>显示此问题所需的答案，例如 no 或 partial, incorrect</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>标识：</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <source>Guidance:</source>
        <translation>评分指引：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Scale up to:</source>
        <translation>最高分：</translation>
    </message>
    <message>
        <source>Choices:</source>
        <translation>选项：</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>Shown only when:</source>
        <translation>仅在以下情况显示：</translation>
    </message>
    <message>
        <source>is answered:</source>
        <translation>的答案为：</translation>
    </message>
    <message>
        <source>(always shown)</source>
        <translation>（始终显示）</translation>
    </message>
    <message>
        <source>Choice %1</source>
        <translation>选项 %1</translation>
    </message>
</context>
<context>
    <name>cv::RecordingDetailsPane</name>
    <message>
        <source>Check integrity</source>
        <translation>检查完整性</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>坐席：</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>班组：</translation>
    </message>
    <message>
        <source>Customer phone:</source>
        <translation>客户电话：</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>开始：</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>结束：</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <source>Audio:</source>
        <translation>音频：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Storage tier:</source>
        <translation>存储层：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Talk:</source>
        <translation>通话占比：</translation>
    </message>
    <message>
        <source>Integrity:</source>
        <translation>完整性：</translation>
    </message>
    <message>
        <source>Reads the whole recording and checks its size, hash, key and every chunk.</source>
        <translation>读取整条录音，检查其大小、哈希、密钥和每个数据块。</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>The recording could not be read: %1</source>
        <translation>无法读取该录音：%1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>not available (no waveform overview)</source>
        <translation>不可用（没有波形概要）</translation>
    </message>
    <message>
        <source>speech %1 %, silence %2 % (longest %3)</source>
        <translation>讲话 %1%，静音 %2%（最长 %3）</translation>
    </message>
    <message>
        <source>agent %1 %, customer %2 %, both at once %3 %, silence %4 % (longest %5)</source>
        <translation>坐席 %1%，客户 %2%，双方同时 %3%，静音 %4%（最长 %5）</translation>
    </message>
    <message>
        <source>stereo (agent, customer)</source>
        <translation>立体声（坐席、客户）</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>单声道</translation>
    </message>
    <message>
        <source>%1, %2 Hz, %3, %4 kbit/s</source>
        <translation>%1，%2 Hz，%3，%4 kbit/s</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>冷存储</translation>
    </message>
    <message>
        <source>hot</source>
        <translation>热存储</translation>
    </message>
    <message>
        <source>not checked in this session</source>
        <translation>本次会话尚未检查</translation>
    </message>
    <message>
        <source>no site keys</source>
        <translation>没有站点密钥</translation>
    </message>
    <message>
        <source>Cannot check: %1</source>
        <translation>无法检查：%1</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>intact: size, SHA-256, key and every chunk check out</source>
        <translation>完好：大小、SHA-256、密钥和每个数据块均核对无误</translation>
    </message>
    <message>
        <source>DAMAGED: %1</source>
        <translation>已损坏：%1</translation>
    </message>
    <message>
        <source>Capture:</source>
        <translation>采集：</translation>
    </message>
    <message>
        <source>could not be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>not recorded by a network recorder</source>
        <translation>非网络录音器录制</translation>
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
    <name>cv::ReportFilterBar</name>
    <message>
        <source>Last 4 weeks</source>
        <translation>最近 4 周</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>上一季度</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>自定义日期</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>全部表单</translation>
    </message>
</context>
<context>
    <name>cv::ReportText</name>
    <message>
        <source>Week of %1</source>
        <translation>%1 当周</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>致命项</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>关键项</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>未作答</translation>
    </message>
    <message>
        <source>none failed</source>
        <translation>无不合格</translation>
    </message>
    <message>
        <source>%1 failed (%2 of %3)</source>
        <translation>不合格 %1（%3 次中 %2 次）</translation>
    </message>
    <message>
        <source>Evaluations: %1 · average %2 · lowest %3 · highest %4 · disputed %5</source>
        <translation>评估数：%1 · 平均分 %2 · 最低 %3 · 最高 %4 · 申诉率 %5</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>Calls from %1 to %2, %3</source>
        <translation>通话时间 %1 至 %2，%3</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>团队：%1</translation>
    </message>
    <message>
        <source>all teams</source>
        <translation>全部团队</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>坐席：%1</translation>
    </message>
    <message>
        <source>all agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <source>Form: %1</source>
        <translation>表单：%1</translation>
    </message>
    <message>
        <source>all forms</source>
        <translation>全部表单</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Agent id</source>
        <translation>坐席编号</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>评估数</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>平均分</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>最低分</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>最高分</translation>
    </message>
    <message>
        <source>Dispute rate (%)</source>
        <translation>申诉率 (%)</translation>
    </message>
    <message>
        <source>Critical fail rate (%)</source>
        <translation>关键项不合格率 (%)</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Question id</source>
        <translation>题目编号</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>关键/致命</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>出现次数</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>已作答</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>Average points (%)</source>
        <translation>平均得分率 (%)</translation>
    </message>
    <message>
        <source>Fail rate (%)</source>
        <translation>不合格率 (%)</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>时段开始</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>时段结束</translation>
    </message>
</context>
<context>
    <name>cv::ResolveDialog</name>
    <message>
        <source>&amp;Uphold the score (%1)</source>
        <translation>维持原分（%1）(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Re-score</source>
        <translation>重新评分(&amp;R)</translation>
    </message>
    <message>
        <source>Resolve the dispute</source>
        <translation>裁决申诉</translation>
    </message>
    <message>
        <source>Why: the agent reads this</source>
        <translation>理由：坐席会看到</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>说明：</translation>
    </message>
</context>
<context>
    <name>cv::RoleAdminPanel</name>
    <message>
        <source>new role name</source>
        <translation>新角色名称</translation>
    </message>
    <message>
        <source>what the role is for</source>
        <translation>角色用途</translation>
    </message>
    <message>
        <source>all calls</source>
        <translation>全部通话</translation>
    </message>
    <message>
        <source>calls of their teams</source>
        <translation>本班组的通话</translation>
    </message>
    <message>
        <source>their own calls</source>
        <translation>本人的通话</translation>
    </message>
    <message>
        <source>Create role</source>
        <translation>创建角色</translation>
    </message>
    <message>
        <source>Your role (%1) may not change roles; the grid shows them read-only.</source>
        <translation>您的角色（%1）无权修改角色；下表仅供查看。</translation>
    </message>
    <message>
        <source>Separation of duties (三员分立): %1</source>
        <translation>三员分立：%1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Role %1 created; tick the permissions it needs.</source>
        <translation>已创建角色 %1；请勾选它所需的权限。</translation>
    </message>
</context>
<context>
    <name>cv::SamplingRulesPanel</name>
    <message>
        <source>New rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Generate now</source>
        <translation>立即生成</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>评估表</translation>
    </message>
    <message>
        <source>Evaluators</source>
        <translation>评估员</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>You may not manage sampling rules: your role (%1) does not allow &quot;%2&quot;. Ask a security administrator if you need it.</source>
        <translation>您无权管理抽样规则：您的角色（%1）不具有“%2”权限。如有需要，请联系安全管理员。</translation>
    </message>
    <message>
        <source> calls per agent</source>
        <translation> 个通话/坐席</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>标签，以逗号分隔</translation>
    </message>
    <message>
        <source>with any of the tags</source>
        <translation>含任一标签</translation>
    </message>
    <message>
        <source>with all of the tags</source>
        <translation>含全部标签</translation>
    </message>
    <message>
        <source> minutes or longer</source>
        <translation> 分钟及以上</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Week (from Monday 00:00 UTC)</source>
        <translation>周（自周一 00:00 UTC 起）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>All my teams</source>
        <translation>我的所有团队</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用中</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>抽取方式</translation>
    </message>
    <message>
        <source>Which calls</source>
        <translation>抽取条件</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>周期</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止期限</translation>
    </message>
    <message>
        <source>Random calls per agent</source>
        <translation>每个坐席随机抽取</translation>
    </message>
    <message>
        <source>Calls with sentiment below</source>
        <translation>情绪值低于阈值的通话</translation>
    </message>
    <message>
        <source>Calls with tags</source>
        <translation>带指定标签的通话</translation>
    </message>
    <message>
        <source>Long calls</source>
        <translation>长通话</translation>
    </message>
    <message>
        <source>The sampling rules could not be read: %1</source>
        <translation>无法读取抽样规则：%1</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation>请为规则命名。</translation>
    </message>
    <message>
        <source>Tick at least one evaluator.</source>
        <translation>请至少勾选一名评估员。</translation>
    </message>
    <message>
        <source>Check the rule&apos;s fields: %1</source>
        <translation>请检查规则的各项设置：%1</translation>
    </message>
    <message>
        <source>The rule was not saved: %1</source>
        <translation>规则未保存：%1</translation>
    </message>
    <message>
        <source>Saved rule &quot;%1&quot;.</source>
        <translation>已保存规则“%1”。</translation>
    </message>
    <message>
        <source>The rule was not changed: %1</source>
        <translation>规则未更改：%1</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is on.</source>
        <translation>规则“%1”已启用。</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is switched off.</source>
        <translation>规则“%1”已停用。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;, %2 to %3: queued %4 calls; skipped %5 already queued and %6 already evaluated.</source>
        <translation>规则“%1”，%2 至 %3：已加入队列 %4 个通话；跳过已在队列中的 %5 个、已评估的 %6 个。</translation>
    </message>
    <message>
        <source>Not queued, since no evaluator of the rule may score them: %1.</source>
        <translation>因规则中没有评估员有权评分而未加入队列：%1 个。</translation>
    </message>
    <message>
        <source>Assigned: %1.</source>
        <translation>分配情况：%1。</translation>
    </message>
    <message>
        <source>Select a rule to generate its queue.</source>
        <translation>请选择一条规则以生成其队列。</translation>
    </message>
    <message>
        <source>Nothing was queued: %1</source>
        <translation>未加入任何通话：%1</translation>
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
    <message>
        <source>Duration:</source>
        <translation>时长：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
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
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes the next time CallVault starts.</source>
        <translation>下次启动 CallVault 时将切换语言。</translation>
    </message>
</context>
<context>
    <name>cv::SettingsAdminPanel</name>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>允许范围</translation>
    </message>
    <message>
        <source>Double-click a value to change it.</source>
        <translation>双击值即可修改。</translation>
    </message>
    <message>
        <source>Your role (%1) may not change this setting.</source>
        <translation>您的角色（%1）无权修改此设置。</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 已设为 %2。</translation>
    </message>
    <message>
        <source>Change setting</source>
        <translation>修改设置</translation>
    </message>
</context>
<context>
    <name>cv::SiteKeysPanel</name>
    <message>
        <source>Site:</source>
        <translation>站点：</translation>
    </message>
    <message>
        <source>Encryption key fingerprint:</source>
        <translation>加密密钥指纹：</translation>
    </message>
    <message>
        <source>Read it aloud to compare with a capture node or a key backup.</source>
        <translation>可念出指纹，与采集节点或密钥备份核对。</translation>
    </message>
    <message>
        <source>Back up the private keys…</source>
        <translation>备份私钥…</translation>
    </message>
    <message>
        <source>Your role (%1) may not manage the site keys.</source>
        <translation>您的角色（%1）无权管理站点密钥。</translation>
    </message>
    <message>
        <source>The backup passphrase needs at least %1 characters.</source>
        <translation>备份口令至少需要 %1 个字符。</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>The site keys are not available here: %1</source>
        <translation>本机无法取得站点密钥：%1</translation>
    </message>
    <message>
        <source>The backup was not written: %1</source>
        <translation>备份未写入：%1</translation>
    </message>
    <message>
        <source>Wrote the key backup %1. Keep it and its passphrase apart, offline.</source>
        <translation>已写入密钥备份 %1。请将备份文件与口令分开离线保存。</translation>
    </message>
    <message>
        <source>Back up the private keys</source>
        <translation>备份私钥</translation>
    </message>
    <message>
        <source>Key backups (*.json)</source>
        <translation>密钥备份 (*.json)</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>备份口令</translation>
    </message>
    <message>
        <source>Passphrase for the backup:</source>
        <translation>备份口令：</translation>
    </message>
    <message>
        <source>The same passphrase again:</source>
        <translation>再次输入同一口令：</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was written.</source>
        <translation>两次输入的口令不一致；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>cv::TagEditor</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>new tags, separated by commas</source>
        <translation>新标签，以逗号分隔</translation>
    </message>
    <message>
        <source>Your role (%1) may not tag recordings.</source>
        <translation>您的角色（%1）无权为录音加标签。</translation>
    </message>
    <message>
        <source>The tags could not be read: %1</source>
        <translation>无法读取标签：%1</translation>
    </message>
    <message>
        <source>The tags could not be changed: %1</source>
        <translation>无法修改标签：%1</translation>
    </message>
</context>
<context>
    <name>cv::TeamAdminPanel</name>
    <message>
        <source>Team id</source>
        <translation>班组编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>坐席数</translation>
    </message>
    <message>
        <source>team id, e.g. cards-1</source>
        <translation>班组编号，如 cards-1</translation>
    </message>
    <message>
        <source>name people see</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>agent id</source>
        <translation>坐席工号</translation>
    </message>
    <message>
        <source>agent name (optional)</source>
        <translation>坐席姓名（可选）</translation>
    </message>
    <message>
        <source>Add team</source>
        <translation>添加班组</translation>
    </message>
    <message>
        <source>Put into team</source>
        <translation>加入班组</translation>
    </message>
    <message>
        <source>New team:</source>
        <translation>新班组：</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>坐席：</translation>
    </message>
    <message>
        <source>Your role (%1) may not manage teams.</source>
        <translation>您的角色（%1）无权管理班组。</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Team %1 added.</source>
        <translation>已添加班组 %1。</translation>
    </message>
    <message>
        <source>Agent %1 is now in team %2.</source>
        <translation>坐席 %1 已加入班组 %2。</translation>
    </message>
</context>
<context>
    <name>cv::UserAdminPanel</name>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>停用 / 启用</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>班组</translation>
    </message>
    <message>
        <source>Agent id</source>
        <translation>坐席工号</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last log-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Your role (%1) may not manage users.</source>
        <translation>您的角色（%1）无权管理用户。</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>须修改密码</translation>
    </message>
    <message>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>team ids, separated by commas</source>
        <translation>班组编号，以逗号分隔</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Teams:</source>
        <translation>班组：</translation>
    </message>
    <message>
        <source>Temporary password:</source>
        <translation>临时密码：</translation>
    </message>
    <message>
        <source>The user must choose a new password at the first log-in.</source>
        <translation>用户首次登录时须设置新密码。</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Temporary password for %1:</source>
        <translation>%1 的临时密码：</translation>
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
<context>
    <name>cv::WorkQueueModel</name>
    <message>
        <source>Open</source>
        <translation>待评估</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>评估中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1，已逾期</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 第 %2 版</translation>
    </message>
    <message>
        <source>The deadline has passed and the evaluation is not submitted.</source>
        <translation>已过截止时间，评估尚未提交。</translation>
    </message>
    <message>
        <source>Call start</source>
        <translation>通话开始</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>评估表</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>cv::WorkQueueView</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Calls to evaluate</source>
        <translation>待评估的通话</translation>
    </message>
    <message>
        <source>My queue: calls to evaluate, by deadline</source>
        <translation>我的队列：待评估的通话（按截止时间排序）</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>The queue could not be read: %1</source>
        <translation>无法读取队列：%1</translation>
    </message>
    <message>
        <source>Nothing to evaluate.</source>
        <translation>没有待评估的通话。</translation>
    </message>
    <message>
        <source>Calls in the queue: %1.</source>
        <translation>队列中的通话：%1 个。</translation>
    </message>
    <message>
        <source>Calls in the queue: %1, overdue: %2.</source>
        <translation>队列中的通话：%1 个，已逾期：%2 个。</translation>
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
