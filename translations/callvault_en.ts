<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LoginErrorText</name>
    <message>
        <source>The user name or password is wrong.</source>
        <translation>The user name or password is wrong.</translation>
    </message>
    <message>
        <source>Too many failed log-ins: this account is locked for a while. Try again later or ask an administrator to unlock it.</source>
        <translation>Too many failed log-ins: this account is locked for a while. Try again later or ask an administrator to unlock it.</translation>
    </message>
    <message>
        <source>Log-in is not possible right now: the catalog cannot be reached. Ask an administrator to check it.</source>
        <translation>Log-in is not possible right now: the catalog cannot be reached. Ask an administrator to check it.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>The current password is wrong.</translation>
    </message>
    <message>
        <source>Log-in failed: %1</source>
        <translation>Log-in failed: %1</translation>
    </message>
</context>
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
</context>
<context>
    <name>cv::AdminPanel</name>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Site keys</source>
        <translation>Site keys</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>Teams and agents</source>
        <translation>Teams and agents</translation>
    </message>
</context>
<context>
    <name>cv::AuditPanel</name>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation>
            <numerusform>%n row shown</numerusform>
            <numerusform>%n rows shown</numerusform>
        </translation>
    </message>
    <message>
        <source>Your role (%1) may not read the audit trail.</source>
        <translation>Your role (%1) may not read the audit trail.</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>any user</translation>
    </message>
    <message>
        <source>any action (a prefix such as recording.)</source>
        <translation>any action (a prefix such as recording.)</translation>
    </message>
    <message>
        <source>any target (a recording id, a user, …)</source>
        <translation>any target (a recording id, a user, …)</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Between</translation>
    </message>
    <message>
        <source>and</source>
        <translation>and</translation>
    </message>
    <message>
        <source>allowed or denied</source>
        <translation>allowed or denied</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>allowed</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>denied</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Action:</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Target:</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>Result:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Verify the whole chain</source>
        <translation>Verify the whole chain</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export signed extract…</source>
        <translation>Export signed extract…</translation>
    </message>
    <message>
        <source>A signed file of the rows in the chosen time range, which anyone can verify with the site&apos;s public key.</source>
        <translation>A signed file of the rows in the chosen time range, which anyone can verify with the site&apos;s public key.</translation>
    </message>
    <message>
        <source>Your role (%1) may not verify the audit trail.</source>
        <translation>Your role (%1) may not verify the audit trail.</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>Verification cancelled.</translation>
    </message>
    <message>
        <source>The audit trail could not be read: %1</source>
        <translation>The audit trail could not be read: %1</translation>
    </message>
    <message>
        <source>VALID: all %1 rows up to row %2 are intact; %3 signed checkpoint(s) verified.</source>
        <translation>VALID: all %1 rows up to row %2 are intact; %3 signed checkpoint(s) verified.</translation>
    </message>
    <message>
        <source>BROKEN at row %1: %2 (the %3 rows before it are intact).</source>
        <translation>BROKEN at row %1: %2 (the %3 rows before it are intact).</translation>
    </message>
    <message>
        <source>Export signed audit extract</source>
        <translation>Export signed audit extract</translation>
    </message>
    <message>
        <source>Audit extracts (*.json)</source>
        <translation>Audit extracts (*.json)</translation>
    </message>
    <message>
        <source>Choose the time range of the extract (Between … and …) first.</source>
        <translation>Choose the time range of the extract (Between … and …) first.</translation>
    </message>
    <message>
        <source>The extract needs the site&apos;s signing key: %1</source>
        <translation>The extract needs the site&apos;s signing key: %1</translation>
    </message>
    <message>
        <source>Writing the extract…</source>
        <translation>Writing the extract…</translation>
    </message>
    <message>
        <source>Wrote %1: %2 rows, %3 signed checkpoint(s), signing key %4.</source>
        <translation>Wrote %1: %2 rows, %3 signed checkpoint(s), signing key %4.</translation>
    </message>
    <message>
        <source>The extract could not be written: %1</source>
        <translation>The extract could not be written: %1</translation>
    </message>
</context>
<context>
    <name>cv::AuditTrailModel</name>
    <message>
        <source>allowed</source>
        <translation>allowed</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>denied</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>cv::CalibrationPanel</name>
    <message>
        <source>&amp;New session…</source>
        <translation>&amp;New session…</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <source>&amp;Save my score</source>
        <translation>&amp;Save my score</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>&amp;Reveal</translation>
    </message>
    <message>
        <source>Shows everyone&apos;s scores side by side. Scores can no longer change afterwards.</source>
        <translation>Shows everyone&apos;s scores side by side. Scores can no longer change afterwards.</translation>
    </message>
    <message>
        <source>Call:</source>
        <translation>Call:</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n call(s), %2</source>
        <translation>
            <numerusform>%1 — %n call, %2</numerusform>
            <numerusform>%1 — %n calls, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>revealed</source>
        <translation>revealed</translation>
    </message>
    <message>
        <source>blind</source>
        <translation>blind</translation>
    </message>
    <message>
        <source>No calibration session yet: select calls in Recordings, then New session.</source>
        <translation>No calibration session yet: select calls in Recordings, then New session.</translation>
    </message>
    <message>
        <source>You take part in no calibration session yet.</source>
        <translation>You take part in no calibration session yet.</translation>
    </message>
    <message>
        <source>Select the calls to calibrate on in Recordings first.</source>
        <translation>Select the calls to calibrate on in Recordings first.</translation>
    </message>
    <message>
        <source>Session started; the evaluators score blind until you reveal it.</source>
        <translation>Session started; the evaluators score blind until you reveal it.</translation>
    </message>
    <message>
        <source>Left out (did not score every call): %1</source>
        <translation>Left out (did not score every call): %1</translation>
    </message>
    <message>
        <source> (scored)</source>
        <translation> (scored)</translation>
    </message>
    <message>
        <source>Call %1 — %2, agent %3%4</source>
        <translation>Call %1 — %2, agent %3%4</translation>
    </message>
    <message>
        <source>Call %1%2</source>
        <translation>Call %1%2</translation>
    </message>
    <message>
        <source>Progress unknown: %1</source>
        <translation>Progress unknown: %1</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <source>%1, revealed %2. Scored: %3</source>
        <translation>%1, revealed %2. Scored: %3</translation>
    </message>
    <message>
        <source>%1, blind: nobody sees another&apos;s scores until %2 reveals it. Scored: %3</source>
        <translation>%1, blind: nobody sees another&apos;s scores until %2 reveals it. Scored: %3</translation>
    </message>
    <message>
        <source>Your score of call %1 is saved (%2). Others see it only after the reveal.</source>
        <translation>Your score of call %1 is saved (%2). Others see it only after the reveal.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Not done: %1</translation>
    </message>
    <message>
        <source>Answers you did not save in &quot;%1&quot; were dropped.</source>
        <translation>Answers you did not save in &quot;%1&quot; were dropped.</translation>
    </message>
    <message>
        <source>Two evaluators at least must score every call before the reveal.</source>
        <translation>Two evaluators at least must score every call before the reveal.</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Re&amp;fresh</translation>
    </message>
</context>
<context>
    <name>cv::CalibrationRevealView</name>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Answers per call</source>
        <translation>Answers per call</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>κ</source>
        <translation>κ</translation>
    </message>
    <message>
        <source>Total scores per call</source>
        <translation>Total scores per call</translation>
    </message>
    <message>
        <source>poor</source>
        <translation>poor</translation>
    </message>
    <message>
        <source>slight</source>
        <translation>slight</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderate</translation>
    </message>
    <message>
        <source>substantial</source>
        <translation>substantial</translation>
    </message>
    <message>
        <source>almost perfect</source>
        <translation>almost perfect</translation>
    </message>
    <message>
        <source>Overall agreement: κ is undefined (every answer was the same).</source>
        <translation>Overall agreement: κ is undefined (every answer was the same).</translation>
    </message>
    <message numerus="yes">
        <source>Total scores: ICC(2,1) = %1 over %n call(s).</source>
        <translation>
            <numerusform>Total scores: ICC(2,1) = %1 over %n call.</numerusform>
            <numerusform>Total scores: ICC(2,1) = %1 over %n calls.</numerusform>
        </translation>
    </message>
    <message>
        <source>Total scores: no ICC (it needs two calls or more, and scores that vary); compare the spread below.</source>
        <translation>Total scores: no ICC (it needs two calls or more, and scores that vary); compare the spread below.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) to discuss (highlighted).</source>
        <translation>
            <numerusform>%n question to discuss (highlighted).</numerusform>
            <numerusform>%n questions to discuss (highlighted).</numerusform>
        </translation>
    </message>
    <message>
        <source>Evaluators disagree on this question</source>
        <translation>Evaluators disagree on this question</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Spread</translation>
    </message>
    <message numerus="yes">
        <source>Overall agreement: Fleiss&apos; κ = %1 (%2) over %n rated item(s) (a question on a call).</source>
        <translation>
            <numerusform>Overall agreement: Fleiss&apos; κ = %1 (%2) over %n rated item (a question on a call).</numerusform>
            <numerusform>Overall agreement: Fleiss&apos; κ = %1 (%2) over %n rated items (a question on a call).</numerusform>
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
        <translation>&amp;Evaluate</translation>
    </message>
    <message>
        <source>Start a new evaluation of this call with the chosen form.</source>
        <translation>Start a new evaluation of this call with the chosen form.</translation>
    </message>
    <message>
        <source>Evaluations:</source>
        <translation>Evaluations:</translation>
    </message>
    <message>
        <source>Choose a call to see or start its evaluations.</source>
        <translation>Choose a call to see or start its evaluations.</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <source>No evaluation form is published yet: a supervisor publishes them under Quality → Forms.</source>
        <translation>No evaluation form is published yet: a supervisor publishes them under Quality → Forms.</translation>
    </message>
    <message>
        <source>This call has no evaluation yet.</source>
        <translation>This call has no evaluation yet.</translation>
    </message>
    <message>
        <source>%1, version %2 · evaluator %3 · %4 · score %5 · due %6</source>
        <translation>%1, version %2 · evaluator %3 · %4 · score %5 · due %6</translation>
    </message>
    <message>
        <source>A new draft: answer the questions, then submit.</source>
        <translation>A new draft: answer the questions, then submit.</translation>
    </message>
    <message>
        <source>Draft saved at %1.</source>
        <translation>Draft saved at %1.</translation>
    </message>
    <message>
        <source>Submitted with score %1. The agent is asked to acknowledge it.</source>
        <translation>Submitted with score %1. The agent is asked to acknowledge it.</translation>
    </message>
    <message>
        <source>You acknowledged the evaluation.</source>
        <translation>You acknowledged the evaluation.</translation>
    </message>
    <message>
        <source>Your dispute was sent; a supervisor decides.</source>
        <translation>Your dispute was sent; a supervisor decides.</translation>
    </message>
    <message>
        <source>Re-scored; the agent sees the new score and your notes.</source>
        <translation>Re-scored; the agent sees the new score and your notes.</translation>
    </message>
    <message>
        <source>Upheld; the agent sees your notes.</source>
        <translation>Upheld; the agent sees your notes.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Not done: %1</translation>
    </message>
</context>
<context>
    <name>cv::CaptureText</name>
    <message>
        <source>Both directions recorded.</source>
        <translation>Both directions recorded.</translation>
    </message>
    <message>
        <source>Answered, but no audio reached the recorder.</source>
        <translation>Answered, but no audio reached the recorder.</translation>
    </message>
    <message>
        <source>Only one direction&apos;s audio reached the recorder; the other lane is silent.</source>
        <translation>Only one direction&apos;s audio reached the recorder; the other lane is silent.</translation>
    </message>
    <message>
        <source>The call used a codec the recorder cannot decode.</source>
        <translation>The call used a codec the recorder cannot decode.</translation>
    </message>
    <message>
        <source>The call&apos;s audio was encrypted (SRTP); a passive recorder cannot record it.</source>
        <translation>The call&apos;s audio was encrypted (SRTP); a passive recorder cannot record it.</translation>
    </message>
    <message>
        <source>The recording was stopped through the control API before the call ended.</source>
        <translation>The recording was stopped through the control API before the call ended.</translation>
    </message>
    <message>
        <source>The recorder could not write the recording (disk full or failing).</source>
        <translation>The recorder could not write the recording (disk full or failing).</translation>
    </message>
    <message>
        <source>Cancelled or refused before any audio.</source>
        <translation>Cancelled or refused before any audio.</translation>
    </message>
    <message>
        <source>The recorder stopped during the call; the recording was recovered (at most 1 s lost).</source>
        <translation>The recorder stopped during the call; the recording was recovered (at most 1 s lost).</translation>
    </message>
    <message>
        <source>Recorder: %1.</source>
        <translation>Recorder: %1.</translation>
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
        <source>%1: %2 packets, %3 lost, jitter %4 ms.</source>
        <translation>%1: %2 packets, %3 lost, jitter %4 ms.</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>key tones</source>
        <translation>key tones</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Masked: %1.</source>
        <translation>Masked: %1.</translation>
    </message>
</context>
<context>
    <name>cv::ChangePasswordDialog</name>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>An administrator has reset the password of %1. Choose your own password now; CallVault cannot be used before.</source>
        <translation>An administrator has reset the password of %1. Choose your own password now; CallVault cannot be used before.</translation>
    </message>
    <message>
        <source>Change the password of %1.</source>
        <translation>Change the password of %1.</translation>
    </message>
    <message numerus="yes">
        <source>The new password needs at least %n character(s), must not be your user name and must differ from the current one.</source>
        <translation>
            <numerusform>The new password needs at least %n character, must not be your user name and must differ from the current one.</numerusform>
            <numerusform>The new password needs at least %n characters, must not be your user name and must differ from the current one.</numerusform>
        </translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Current password:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>New password:</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>Repeat new password:</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The two new passwords differ. Type the new password twice.</source>
        <translation>The two new passwords differ. Type the new password twice.</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>The password was not changed: %1</translation>
    </message>
</context>
<context>
    <name>cv::EvaluationListView</name>
    <message>
        <source>Call</source>
        <translation>Call</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>Evaluator</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Could not load: %1</source>
        <translation>Could not load: %1</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s)</source>
        <translation>
            <numerusform>%n evaluation</numerusform>
            <numerusform>%n evaluations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cv::EvaluationPane</name>
    <message>
        <source>Overall comment</source>
        <translation>Overall comment</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <source>Section score: 0 (a critical question failed)</source>
        <translation>Section score: 0 (a critical question failed)</translation>
    </message>
    <message>
        <source>Section score: %1</source>
        <translation>Section score: %1</translation>
    </message>
    <message>
        <source>Section score: N/A</source>
        <translation>Section score: N/A</translation>
    </message>
    <message>
        <source>No form chosen.</source>
        <translation>No form chosen.</translation>
    </message>
    <message>
        <source>Score: 0 — a fatal question failed</source>
        <translation>Score: 0 — a fatal question failed</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>Score: %1</translation>
    </message>
    <message>
        <source>Score: —</source>
        <translation>Score: —</translation>
    </message>
    <message numerus="yes">
        <source>(provisional: %n question(s) not answered yet)</source>
        <translation>
            <numerusform>(provisional: %n question not answered yet)</numerusform>
            <numerusform>(provisional: %n questions not answered yet)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cv::EvaluationStepBar</name>
    <message>
        <source>Save &amp;draft</source>
        <translation>Save &amp;draft</translation>
    </message>
    <message>
        <source>Su&amp;bmit</source>
        <translation>Su&amp;bmit</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <source>D&amp;ispute…</source>
        <translation>D&amp;ispute…</translation>
    </message>
    <message>
        <source>&amp;Resolve…</source>
        <translation>&amp;Resolve…</translation>
    </message>
    <message>
        <source>Every question must be answered (or N/A where allowed) first.</source>
        <translation>Every question must be answered (or N/A where allowed) first.</translation>
    </message>
    <message>
        <source>Dispute the evaluation</source>
        <translation>Dispute the evaluation</translation>
    </message>
    <message>
        <source>Why do you dispute it? A supervisor reads this and decides.</source>
        <translation>Why do you dispute it? A supervisor reads this and decides.</translation>
    </message>
</context>
<context>
    <name>cv::EvaluationText</name>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>submitted</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>acknowledged</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>disputed</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resolved</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (overdue)</translation>
    </message>
    <message>
        <source>%1 — %2 submitted it (score %3)</source>
        <translation>%1 — %2 submitted it (score %3)</translation>
    </message>
    <message>
        <source>%1 — %2 acknowledged it</source>
        <translation>%1 — %2 acknowledged it</translation>
    </message>
    <message>
        <source>%1 — %2 disputed it: %3</source>
        <translation>%1 — %2 disputed it: %3</translation>
    </message>
    <message>
        <source>%1 — %2 upheld the score: %3</source>
        <translation>%1 — %2 upheld the score: %3</translation>
    </message>
    <message>
        <source>%1 — %2 re-scored it from %3 to %4: %5</source>
        <translation>%1 — %2 re-scored it from %3 to %4: %5</translation>
    </message>
</context>
<context>
    <name>cv::ExportAction</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Export the selected recordings to .opus or .wav files with a signed manifest.</source>
        <translation>Export the selected recordings to .opus or .wav files with a signed manifest.</translation>
    </message>
    <message>
        <source>Your role (%1) may not export recordings.</source>
        <translation>Your role (%1) may not export recordings.</translation>
    </message>
</context>
<context>
    <name>cv::ExportDialog</name>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export recordings</source>
        <translation>Export recordings</translation>
    </message>
    <message numerus="yes">
        <source>%n recording(s) selected.</source>
        <translation>
            <numerusform>%n recording selected.</numerusform>
            <numerusform>%n recordings selected.</numerusform>
        </translation>
    </message>
    <message>
        <source>Opus (.opus, as recorded)</source>
        <translation>Opus (.opus, as recorded)</translation>
    </message>
    <message>
        <source>WAV (.wav, uncompressed)</source>
        <translation>WAV (.wav, uncompressed)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Why are these recordings exported? (Required: kept in the audit trail and in each file&apos;s signed manifest.)</source>
        <translation>Why are these recordings exported? (Required: kept in the audit trail and in each file&apos;s signed manifest.)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <source>Give a reason for the export: it is kept in the audit trail and in the signed manifest.</source>
        <translation>Give a reason for the export: it is kept in the audit trail and in the signed manifest.</translation>
    </message>
    <message>
        <source>Select one or more recordings in the results first.</source>
        <translation>Select one or more recordings in the results first.</translation>
    </message>
    <message>
        <source>Choose a folder that exists.</source>
        <translation>Choose a folder that exists.</translation>
    </message>
    <message>
        <source>The site keys are needed to export: %1</source>
        <translation>The site keys are needed to export: %1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Exporting recording %1 of %2…</source>
        <translation>Exporting recording %1 of %2…</translation>
    </message>
    <message>
        <source>%1 exported, %2 failed.</source>
        <translation>%1 exported, %2 failed.</translation>
    </message>
    <message>
        <source>Cancelled: the recording being exported was not written; the rest were not exported.</source>
        <translation>Cancelled: the recording being exported was not written; the rest were not exported.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>cv::FirstRunWizard</name>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>OS keychain (recommended on a desktop)</source>
        <translation>OS keychain (recommended on a desktop)</translation>
    </message>
    <message>
        <source>Key file protected by a passphrase</source>
        <translation>Key file protected by a passphrase</translation>
    </message>
    <message>
        <source>Set up CallVault</source>
        <translation>Set up CallVault</translation>
    </message>
    <message>
        <source>Welcome to CallVault</source>
        <translation>Welcome to CallVault</translation>
    </message>
    <message>
        <source>There is no CallVault site in %1 yet.</source>
        <translation>There is no CallVault site in %1 yet.</translation>
    </message>
    <message>
        <source>Create a new site on this computer</source>
        <translation>Create a new site on this computer</translation>
    </message>
    <message>
        <source>Connect to an existing site on a PostgreSQL server</source>
        <translation>Connect to an existing site on a PostgreSQL server</translation>
    </message>
    <message>
        <source>Create a new site</source>
        <translation>Create a new site</translation>
    </message>
    <message>
        <source>The catalog is kept in %1. Every recording is encrypted to the site&apos;s keys; without them, and without a backup of them, no call can be played.</source>
        <translation>The catalog is kept in %1. Every recording is encrypted to the site&apos;s keys; without them, and without a backup of them, no call can be played.</translation>
    </message>
    <message>
        <source>CallVault site</source>
        <translation>CallVault site</translation>
    </message>
    <message>
        <source>Site name:</source>
        <translation>Site name:</translation>
    </message>
    <message>
        <source>Site keys in:</source>
        <translation>Site keys in:</translation>
    </message>
    <message>
        <source>Key file passphrase:</source>
        <translation>Key file passphrase:</translation>
    </message>
    <message>
        <source>Repeat passphrase:</source>
        <translation>Repeat passphrase:</translation>
    </message>
    <message>
        <source>Administrator:</source>
        <translation>Administrator:</translation>
    </message>
    <message>
        <source>Administrator password:</source>
        <translation>Administrator password:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Repeat password:</translation>
    </message>
    <message>
        <source>The administrator password needs at least 10 characters. The administrator manages users and settings but reads no calls.</source>
        <translation>The administrator password needs at least 10 characters. The administrator manages users and settings but reads no calls.</translation>
    </message>
    <message>
        <source>Connect to an existing site</source>
        <translation>Connect to an existing site</translation>
    </message>
    <message>
        <source>Ask the site&apos;s administrator for its site.json (from the directory where `callvaultctl init --pg` created the site) and for the CA certificate of the PostgreSQL server. Each user then logs in as their own PostgreSQL login role.</source>
        <translation>Ask the site&apos;s administrator for its site.json (from the directory where `callvaultctl init --pg` created the site) and for the CA certificate of the PostgreSQL server. Each user then logs in as their own PostgreSQL login role.</translation>
    </message>
    <message>
        <source>Site file (site.json):</source>
        <translation>Site file (site.json):</translation>
    </message>
    <message>
        <source>Site file</source>
        <translation>Site file</translation>
    </message>
    <message>
        <source>Site file (site.json)</source>
        <translation>Site file (site.json)</translation>
    </message>
    <message>
        <source>CA certificate:</source>
        <translation>CA certificate:</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM certificates (*.pem *.crt)</translation>
    </message>
    <message>
        <source>Site keys on this computer:</source>
        <translation>Site keys on this computer:</translation>
    </message>
    <message>
        <source>The two administrator passwords differ.</source>
        <translation>The two administrator passwords differ.</translation>
    </message>
    <message>
        <source>Type the same, non-empty key file passphrase twice.</source>
        <translation>Type the same, non-empty key file passphrase twice.</translation>
    </message>
    <message>
        <source>The site was not created: %1</source>
        <translation>The site was not created: %1</translation>
    </message>
    <message>
        <source>The site file %1 cannot be read.</source>
        <translation>The site file %1 cannot be read.</translation>
    </message>
    <message>
        <source>The site could not be joined: %1</source>
        <translation>The site could not be joined: %1</translation>
    </message>
    <message>
        <source>Import a key backup</source>
        <translation>Import a key backup</translation>
    </message>
    <message>
        <source>Searching needs no keys; playing calls on this computer needs the site private keys. Restore them from a key backup (callvaultctl key export) as a user allowed to manage keys, or leave the file empty to skip this step.</source>
        <translation>Searching needs no keys; playing calls on this computer needs the site private keys. Restore them from a key backup (callvaultctl key export) as a user allowed to manage keys, or leave the file empty to skip this step.</translation>
    </message>
    <message>
        <source>Key backup:</source>
        <translation>Key backup:</translation>
    </message>
    <message>
        <source>Key backup</source>
        <translation>Key backup</translation>
    </message>
    <message>
        <source>Backup passphrase:</source>
        <translation>Backup passphrase:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>New key file passphrase:</source>
        <translation>New key file passphrase:</translation>
    </message>
    <message>
        <source>The key backup was not restored: %1</source>
        <translation>The key backup was not restored: %1</translation>
    </message>
</context>
<context>
    <name>cv::FormDesigner</name>
    <message>
        <source>Add section</source>
        <translation>Add section</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Add question</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Id:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Weight:</translation>
    </message>
    <message>
        <source>Select a section or a question to edit it.</source>
        <translation>Select a section or a question to edit it.</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>New form</source>
        <translation>New form</translation>
    </message>
    <message>
        <source>Form id:</source>
        <translation>Form id:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>weight %1</source>
        <translation>weight %1</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>fatal</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>New section</source>
        <translation>New section</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>New question</translation>
    </message>
    <message>
        <source>The form is ready to publish.</source>
        <translation>The form is ready to publish.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix before the form can be published.</source>
        <translation>
            <numerusform>%n problem to fix before the form can be published.</numerusform>
            <numerusform>%n problems to fix before the form can be published.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Could not read %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a form CallVault can use: %2</source>
        <translation>%1 is not a form CallVault can use: %2</translation>
    </message>
    <message>
        <source>Imported %1 (version %2).</source>
        <translation>Imported %1 (version %2).</translation>
    </message>
    <message>
        <source>Fix the problems listed above first.</source>
        <translation>Fix the problems listed above first.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>Import a form</source>
        <translation>Import a form</translation>
    </message>
    <message>
        <source>Forms (*.json)</source>
        <translation>Forms (*.json)</translation>
    </message>
    <message>
        <source>Export the form</source>
        <translation>Export the form</translation>
    </message>
</context>
<context>
    <name>cv::FormsPanel</name>
    <message>
        <source>&amp;New form</source>
        <translation>&amp;New form</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>&amp;Publish</translation>
    </message>
    <message>
        <source>Add the &amp;built-in forms</source>
        <translation>Add the &amp;built-in forms</translation>
    </message>
    <message>
        <source>Publishes the general service-quality form and the 双录 compliance form, in English and Chinese.</source>
        <translation>Publishes the general service-quality form and the 双录 compliance form, in English and Chinese.</translation>
    </message>
    <message>
        <source>Published forms (latest versions):</source>
        <translation>Published forms (latest versions):</translation>
    </message>
    <message>
        <source>Could not read the forms: %1</source>
        <translation>Could not read the forms: %1</translation>
    </message>
    <message>
        <source>%1 — %2 (version %3, %4)</source>
        <translation>%1 — %2 (version %3, %4)</translation>
    </message>
    <message>
        <source>Could not open form %1: %2</source>
        <translation>Could not open form %1: %2</translation>
    </message>
    <message>
        <source>Form %1 cannot be edited here: %2</source>
        <translation>Form %1 cannot be edited here: %2</translation>
    </message>
    <message>
        <source>Editing %1 version %2; publishing a change makes version %3.</source>
        <translation>Editing %1 version %2; publishing a change makes version %3.</translation>
    </message>
    <message>
        <source>A new form: give it an id, a title, sections and questions.</source>
        <translation>A new form: give it an id, a title, sections and questions.</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Not published: %1</translation>
    </message>
    <message>
        <source>Published %1 version %2.</source>
        <translation>Published %1 version %2.</translation>
    </message>
    <message>
        <source>%1 version %2 already says this; nothing was published.</source>
        <translation>%1 version %2 already says this; nothing was published.</translation>
    </message>
    <message>
        <source>Built-in form %1 is damaged: %2</source>
        <translation>Built-in form %1 is damaged: %2</translation>
    </message>
    <message numerus="yes">
        <source>Published %n built-in form(s).</source>
        <translation>
            <numerusform>Published %n built-in form.</numerusform>
            <numerusform>Published %n built-in forms.</numerusform>
        </translation>
    </message>
    <message>
        <source>The built-in forms are already published.</source>
        <translation>The built-in forms are already published.</translation>
    </message>
    <message>
        <source>Your role (%1) may not publish forms.</source>
        <translation>Your role (%1) may not publish forms.</translation>
    </message>
    <message>
        <source>Fix the problems the designer lists first.</source>
        <translation>Fix the problems the designer lists first.</translation>
    </message>
    <message>
        <source>Publish as a new version; evaluations keep the version they used.</source>
        <translation>Publish as a new version; evaluations keep the version they used.</translation>
    </message>
</context>
<context>
    <name>cv::KeyRotationPanel</name>
    <message>
        <source>Rotate the encryption key…</source>
        <translation>Rotate the encryption key…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Destroy the retired keys…</source>
        <translation>Destroy the retired keys…</translation>
    </message>
    <message>
        <source>Key rotation</source>
        <translation>Key rotation</translation>
    </message>
    <message>
        <source>A rotation makes a new encryption key and re-wraps every recording&apos;s data key to it; the audio itself is not rewritten. It can be cancelled and resumed. The old key stays in the key store until you destroy it.</source>
        <translation>A rotation makes a new encryption key and re-wraps every recording&apos;s data key to it; the audio itself is not rewritten. It can be cancelled and resumed. The old key stays in the key store until you destroy it.</translation>
    </message>
    <message>
        <source>Your role (%1) may not manage the site keys.</source>
        <translation>Your role (%1) may not manage the site keys.</translation>
    </message>
    <message>
        <source>The key status could not be read: %1</source>
        <translation>The key status could not be read: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n recording key(s) in the catalog, %1 on the current key.</source>
        <translation>
            <numerusform>%n recording key in the catalog, %1 on the current key.</numerusform>
            <numerusform>%n recording keys in the catalog, %1 on the current key.</numerusform>
        </translation>
    </message>
    <message>
        <source>The encryption key has never been rotated.</source>
        <translation>The encryption key has never been rotated.</translation>
    </message>
    <message numerus="yes">
        <source>Rotation %1, started %2 by %3, is not finished: %n key(s) to go.</source>
        <translation>
            <numerusform>Rotation %1, started %2 by %3, is not finished: %n key to go.</numerusform>
            <numerusform>Rotation %1, started %2 by %3, is not finished: %n keys to go.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Last rotation %1 finished %2 (%n key(s) re-wrapped); its signed record is %3.</source>
        <translation>
            <numerusform>Last rotation %1 finished %2 (%n key re-wrapped); its signed record is %3.</numerusform>
            <numerusform>Last rotation %1 finished %2 (%n keys re-wrapped); its signed record is %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>NOT valid</source>
        <translation>NOT valid</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) arrived later still wrapped to an old key (a capture node that was offline).</source>
        <translation>
            <numerusform>%n key arrived later still wrapped to an old key (a capture node that was offline).</numerusform>
            <numerusform>%n keys arrived later still wrapped to an old key (a capture node that was offline).</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume the re-wrapping</source>
        <translation>Resume the re-wrapping</translation>
    </message>
    <message>
        <source>Rotate the encryption key</source>
        <translation>Rotate the encryption key</translation>
    </message>
    <message>
        <source>The rotation did not start: %1</source>
        <translation>The rotation did not start: %1</translation>
    </message>
    <message>
        <source>Rotation %1 started: the new key&apos;s fingerprint is %2.</source>
        <translation>Rotation %1 started: the new key&apos;s fingerprint is %2.</translation>
    </message>
    <message>
        <source>The site keys are not available here: %1</source>
        <translation>The site keys are not available here: %1</translation>
    </message>
    <message>
        <source>The re-wrapping stopped: %1</source>
        <translation>The re-wrapping stopped: %1</translation>
    </message>
    <message numerus="yes">
        <source>Rotation finished: %n key(s) re-wrapped and the record signed. Make a new key backup for the other workstations.</source>
        <translation>
            <numerusform>Rotation finished: %n key re-wrapped and the record signed. Make a new key backup for the other workstations.</numerusform>
            <numerusform>Rotation finished: %n keys re-wrapped and the record signed. Make a new key backup for the other workstations.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled after %n key(s); Resume continues where it stopped.</source>
        <translation>
            <numerusform>Cancelled after %n key; Resume continues where it stopped.</numerusform>
            <numerusform>Cancelled after %n keys; Resume continues where it stopped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) could not be re-wrapped: %1</source>
        <translation>
            <numerusform>%n key could not be re-wrapped: %1</numerusform>
            <numerusform>%n keys could not be re-wrapped: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late key(s) re-wrapped to the current key.</source>
        <translation>
            <numerusform>%n late key re-wrapped to the current key.</numerusform>
            <numerusform>%n late keys re-wrapped to the current key.</numerusform>
        </translation>
    </message>
    <message>
        <source>Destroy the retired keys</source>
        <translation>Destroy the retired keys</translation>
    </message>
    <message>
        <source>Destroy the old encryption keys kept since the last rotation? Do it only when every capture node has delivered its recordings: anything still wrapped to an old key could never be opened again. CallVault refuses while the catalog holds such keys.</source>
        <translation>Destroy the old encryption keys kept since the last rotation? Do it only when every capture node has delivered its recordings: anything still wrapped to an old key could never be opened again. CallVault refuses while the catalog holds such keys.</translation>
    </message>
    <message>
        <source>The retired keys were kept: %1</source>
        <translation>The retired keys were kept: %1</translation>
    </message>
    <message>
        <source>There were no retired keys to destroy.</source>
        <translation>There were no retired keys to destroy.</translation>
    </message>
    <message numerus="yes">
        <source>Destroyed %n retired key(s).</source>
        <translation>
            <numerusform>Destroyed %n retired key.</numerusform>
            <numerusform>Destroyed %n retired keys.</numerusform>
        </translation>
    </message>
    <message>
        <source>Make a new site encryption key and re-wrap every recording&apos;s data key to it?

Other workstations need the new private key afterwards: make a new key backup when the rotation is done and import it there. Capture nodes need the new site.json (public keys only).</source>
        <translation>Make a new site encryption key and re-wrap every recording&apos;s data key to it?

Other workstations need the new private key afterwards: make a new key backup when the rotation is done and import it there. Capture nodes need the new site.json (public keys only).</translation>
    </message>
</context>
<context>
    <name>cv::KeyUnlockDialog</name>
    <message>
        <source>Unlock the site keys</source>
        <translation>Unlock the site keys</translation>
    </message>
    <message>
        <source>Playing and exporting calls needs the site private keys, which this workstation keeps in the passphrase-protected key file %1. They stay in memory until you log out or the session locks.</source>
        <translation>Playing and exporting calls needs the site private keys, which this workstation keeps in the passphrase-protected key file %1. They stay in memory until you log out or the session locks.</translation>
    </message>
    <message>
        <source>Key file passphrase</source>
        <translation>Key file passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>cv::LockDialog</name>
    <message>
        <source>CallVault — locked</source>
        <translation>CallVault — locked</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message numerus="yes">
        <source>The session of %1 was locked after %n minute(s) without activity. Enter the password to continue.</source>
        <translation>
            <numerusform>The session of %1 was locked after %n minute without activity. Enter the password to continue.</numerusform>
            <numerusform>The session of %1 was locked after %n minutes without activity. Enter the password to continue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cv::LoginDialog</name>
    <message>
        <source>Log in to CallVault</source>
        <translation>Log in to CallVault</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>Site:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>Enter your user name.</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>Logging in…</translation>
    </message>
</context>
<context>
    <name>cv::MainWindow</name>
    <message>
        <source>Recordings</source>
        <translation>Recordings</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Your role (%1) may not read the audit trail.</source>
        <translation>Your role (%1) may not read the audit trail.</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Your role (%1) does not administer the site.</source>
        <translation>Your role (%1) does not administer the site.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Your role (%1) has no QA work.</source>
        <translation>Your role (%1) has no QA work.</translation>
    </message>
</context>
<context>
    <name>cv::NewCalibrationDialog</name>
    <message>
        <source>New calibration session</source>
        <translation>New calibration session</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) selected in Recordings will be scored.</source>
        <translation>
            <numerusform>%n call selected in Recordings will be scored.</numerusform>
            <numerusform>%n calls selected in Recordings will be scored.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Form:</translation>
    </message>
    <message>
        <source>&amp;Evaluators (two or more):</source>
        <translation>&amp;Evaluators (two or more):</translation>
    </message>
</context>
<context>
    <name>cv::PlayerHost</name>
    <message>
        <source>Double-click a call, or select it and press Enter, to play it here.</source>
        <translation>Double-click a call, or select it and press Enter, to play it here.</translation>
    </message>
    <message>
        <source>The recording cannot be played here: %1</source>
        <translation>The recording cannot be played here: %1</translation>
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
        <source>« 5 s</source>
        <translation>« 5 s</translation>
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
        <source>5 s »</source>
        <translation>5 s »</translation>
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
    <name>cv::QaReportCharts</name>
    <message>
        <source>Average score per period</source>
        <translation>Average score per period</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>Average score</translation>
    </message>
</context>
<context>
    <name>cv::QaReportPdf</name>
    <message>
        <source>QA report</source>
        <translation>QA report</translation>
    </message>
    <message>
        <source>Could not start the PDF: the file cannot be written.</source>
        <translation>Could not start the PDF: the file cannot be written.</translation>
    </message>
    <message>
        <source>Site: %1 · generated by %2 on %3</source>
        <translation>Site: %1 · generated by %2 on %3</translation>
    </message>
    <message>
        <source>Average score per agent</source>
        <translation>Average score per agent</translation>
    </message>
    <message>
        <source>Average score per team</source>
        <translation>Average score per team</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>Average score</translation>
    </message>
    <message>
        <source>Dispute rate</source>
        <translation>Dispute rate</translation>
    </message>
    <message>
        <source>Critical fail rate</source>
        <translation>Critical fail rate</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Average points</source>
        <translation>Average points</translation>
    </message>
    <message>
        <source>Critical failures</source>
        <translation>Critical failures</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s) left out of the question figures: their answers could not be read.</source>
        <translation>
            <numerusform>%n evaluation left out of the question figures: its answers could not be read.</numerusform>
            <numerusform>%n evaluations left out of the question figures: their answers could not be read.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not finish the PDF.</source>
        <translation>Could not finish the PDF.</translation>
    </message>
</context>
<context>
    <name>cv::QaReportView</name>
    <message>
        <source>Run</source>
        <translation>Run</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>Average score</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>Lowest</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>Highest</translation>
    </message>
    <message>
        <source>Dispute rate</source>
        <translation>Dispute rate</translation>
    </message>
    <message>
        <source>Critical fail rate</source>
        <translation>Critical fail rate</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Shown</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Average points</source>
        <translation>Average points</translation>
    </message>
    <message>
        <source>Critical failures</source>
        <translation>Critical failures</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Your role (%1) may not run QA reports.</source>
        <translation>Your role (%1) may not run QA reports.</translation>
    </message>
    <message>
        <source>Running the report…</source>
        <translation>Running the report…</translation>
    </message>
    <message numerus="yes">
        <source>Report of %n evaluation(s).</source>
        <translation>
            <numerusform>Report of %n evaluation.</numerusform>
            <numerusform>Report of %n evaluations.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message numerus="yes">
        <source>%n evaluation(s) left out of the question figures: their answers could not be read.</source>
        <translation>
            <numerusform>%n evaluation left out of the question figures: its answers could not be read.</numerusform>
            <numerusform>%n evaluations left out of the question figures: their answers could not be read.</numerusform>
        </translation>
    </message>
    <message>
        <source>Average score per agent</source>
        <translation>Average score per agent</translation>
    </message>
    <message>
        <source>Average score per team</source>
        <translation>Average score per team</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>Run a report first.</source>
        <translation>Run a report first.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Could not write %1: %2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Saved %1.</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Export the report as CSV</translation>
    </message>
    <message>
        <source>qa-report.csv</source>
        <translation>qa-report.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Export the report as PDF</translation>
    </message>
    <message>
        <source>qa-report.pdf</source>
        <translation>qa-report.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>cv::QualityPanel</name>
    <message>
        <source>No evaluation of your calls yet.</source>
        <translation>No evaluation of your calls yet.</translation>
    </message>
    <message>
        <source>My evaluations</source>
        <translation>My evaluations</translation>
    </message>
    <message>
        <source>No open dispute.</source>
        <translation>No open dispute.</translation>
    </message>
    <message>
        <source>Open disputes</source>
        <translation>Open disputes</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>Calibration</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>My queue</source>
        <translation>My queue</translation>
    </message>
    <message>
        <source>Sampling rules</source>
        <translation>Sampling rules</translation>
    </message>
    <message>
        <source>Work item</source>
        <translation>Work item</translation>
    </message>
    <message>
        <source>Could not start the evaluation: %1</source>
        <translation>Could not start the evaluation: %1</translation>
    </message>
</context>
<context>
    <name>cv::QuestionEditor</name>
    <message>
        <source>fatal</source>
        <translation>fatal</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Pin</translation>
    </message>
    <message>
        <source>Pin this answer to the player&apos;s current position</source>
        <translation>Pin this answer to the player&apos;s current position</translation>
    </message>
    <message>
        <source>Play from here</source>
        <translation>Play from here</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>(not answered)</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Not applicable: the question is left out and the others are re-weighted</source>
        <translation>Not applicable: the question is left out and the others are re-weighted</translation>
    </message>
    <message>
        <source>Open the call in the player to pin an answer to a moment.</source>
        <translation>Open the call in the player to pin an answer to a moment.</translation>
    </message>
    <message>
        <source>Unpin</source>
        <translation>Unpin</translation>
    </message>
</context>
<context>
    <name>cv::QuestionProperties</name>
    <message>
        <source>May be answered N/A (the others are re-weighted)</source>
        <translation>May be answered N/A (the others are re-weighted)</translation>
    </message>
    <message>
        <source>Critical: failing it zeroes its section</source>
        <translation>Critical: failing it zeroes its section</translation>
    </message>
    <message>
        <source>Fatal: failing it zeroes the whole evaluation</source>
        <translation>Fatal: failing it zeroes the whole evaluation</translation>
    </message>
    <message>
        <source>What the evaluator should listen for</source>
        <translation>What the evaluator should listen for</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>Yes / no</translation>
    </message>
    <message>
        <source>Scale 1–N</source>
        <translation>Scale 1–N</translation>
    </message>
    <message>
        <source>Single choice with points</source>
        <translation>Single choice with points</translation>
    </message>
    <message>
        <source>Free text (not scored)</source>
        <translation>Free text (not scored)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Fails</source>
        <translation>Fails</translation>
    </message>
    <message>
        <source>Add choice</source>
        <translation>Add choice</translation>
    </message>
    <message>
        <source>Remove choice</source>
        <translation>Remove choice</translation>
    </message>
    <message>
        <source>answers that show this question, e.g. no or partial, incorrect</source>
        <translation>answers that show this question, e.g. no or partial, incorrect</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>Id:</translation>
    </message>
    <message>
        <source>Question:</source>
        <translation>Question:</translation>
    </message>
    <message>
        <source>Guidance:</source>
        <translation>Guidance:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Scale up to:</source>
        <translation>Scale up to:</translation>
    </message>
    <message>
        <source>Choices:</source>
        <translation>Choices:</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>Weight:</translation>
    </message>
    <message>
        <source>Shown only when:</source>
        <translation>Shown only when:</translation>
    </message>
    <message>
        <source>is answered:</source>
        <translation>is answered:</translation>
    </message>
    <message>
        <source>(always shown)</source>
        <translation>(always shown)</translation>
    </message>
    <message>
        <source>Choice %1</source>
        <translation>Choice %1</translation>
    </message>
</context>
<context>
    <name>cv::RecordingDetailsPane</name>
    <message>
        <source>Check integrity</source>
        <translation>Check integrity</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>Agent:</translation>
    </message>
    <message>
        <source>Team:</source>
        <translation>Team:</translation>
    </message>
    <message>
        <source>Customer phone:</source>
        <translation>Customer phone:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Started:</translation>
    </message>
    <message>
        <source>Ended:</source>
        <translation>Ended:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <source>Direction:</source>
        <translation>Direction:</translation>
    </message>
    <message>
        <source>Audio:</source>
        <translation>Audio:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Size:</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <source>Storage tier:</source>
        <translation>Storage tier:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Talk:</source>
        <translation>Talk:</translation>
    </message>
    <message>
        <source>Integrity:</source>
        <translation>Integrity:</translation>
    </message>
    <message>
        <source>Reads the whole recording and checks its size, hash, key and every chunk.</source>
        <translation>Reads the whole recording and checks its size, hash, key and every chunk.</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
    <message>
        <source>The recording could not be read: %1</source>
        <translation>The recording could not be read: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>not available (no waveform overview)</source>
        <translation>not available (no waveform overview)</translation>
    </message>
    <message>
        <source>speech %1 %, silence %2 % (longest %3)</source>
        <translation>speech %1 %, silence %2 % (longest %3)</translation>
    </message>
    <message>
        <source>agent %1 %, customer %2 %, both at once %3 %, silence %4 % (longest %5)</source>
        <translation>agent %1 %, customer %2 %, both at once %3 %, silence %4 % (longest %5)</translation>
    </message>
    <message>
        <source>stereo (agent, customer)</source>
        <translation>stereo (agent, customer)</translation>
    </message>
    <message>
        <source>mono</source>
        <translation>mono</translation>
    </message>
    <message>
        <source>%1, %2 Hz, %3, %4 kbit/s</source>
        <translation>%1, %2 Hz, %3, %4 kbit/s</translation>
    </message>
    <message>
        <source>cold</source>
        <translation>cold</translation>
    </message>
    <message>
        <source>hot</source>
        <translation>hot</translation>
    </message>
    <message>
        <source>not checked in this session</source>
        <translation>not checked in this session</translation>
    </message>
    <message>
        <source>no site keys</source>
        <translation>no site keys</translation>
    </message>
    <message>
        <source>Cannot check: %1</source>
        <translation>Cannot check: %1</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <source>intact: size, SHA-256, key and every chunk check out</source>
        <translation>intact: size, SHA-256, key and every chunk check out</translation>
    </message>
    <message>
        <source>DAMAGED: %1</source>
        <translation>DAMAGED: %1</translation>
    </message>
    <message>
        <source>Capture:</source>
        <translation>Capture:</translation>
    </message>
    <message>
        <source>could not be read: %1</source>
        <translation>could not be read: %1</translation>
    </message>
    <message>
        <source>not recorded by a network recorder</source>
        <translation>not recorded by a network recorder</translation>
    </message>
</context>
<context>
    <name>cv::RecordingText</name>
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
        <source>negative</source>
        <translation>negative</translation>
    </message>
    <message>
        <source>positive</source>
        <translation>positive</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>neutral</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>cv::ReportFilterBar</name>
    <message>
        <source>Last 4 weeks</source>
        <translation>Last 4 weeks</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Last quarter</translation>
    </message>
    <message>
        <source>Custom dates</source>
        <translation>Custom dates</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>By week</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>By month</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>All teams</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>All agents</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>All forms</translation>
    </message>
</context>
<context>
    <name>cv::ReportText</name>
    <message>
        <source>Week of %1</source>
        <translation>Week of %1</translation>
    </message>
    <message>
        <source>fatal</source>
        <translation>fatal</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>critical</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>not answered</translation>
    </message>
    <message>
        <source>none failed</source>
        <translation>none failed</translation>
    </message>
    <message>
        <source>%1 failed (%2 of %3)</source>
        <translation>%1 failed (%2 of %3)</translation>
    </message>
    <message>
        <source>Evaluations: %1 · average %2 · lowest %3 · highest %4 · disputed %5</source>
        <translation>Evaluations: %1 · average %2 · lowest %3 · highest %4 · disputed %5</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>by month</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>by week</translation>
    </message>
    <message>
        <source>Calls from %1 to %2, %3</source>
        <translation>Calls from %1 to %2, %3</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>all teams</source>
        <translation>all teams</translation>
    </message>
    <message>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <source>all agents</source>
        <translation>all agents</translation>
    </message>
    <message>
        <source>Form: %1</source>
        <translation>Form: %1</translation>
    </message>
    <message>
        <source>all forms</source>
        <translation>all forms</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Agent id</source>
        <translation>Agent id</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Evaluations</source>
        <translation>Evaluations</translation>
    </message>
    <message>
        <source>Average score</source>
        <translation>Average score</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>Lowest</translation>
    </message>
    <message>
        <source>Highest</source>
        <translation>Highest</translation>
    </message>
    <message>
        <source>Dispute rate (%)</source>
        <translation>Dispute rate (%)</translation>
    </message>
    <message>
        <source>Critical fail rate (%)</source>
        <translation>Critical fail rate (%)</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Question id</source>
        <translation>Question id</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Shown</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>Average points (%)</source>
        <translation>Average points (%)</translation>
    </message>
    <message>
        <source>Fail rate (%)</source>
        <translation>Fail rate (%)</translation>
    </message>
    <message>
        <source>Period start</source>
        <translation>Period start</translation>
    </message>
    <message>
        <source>Period end</source>
        <translation>Period end</translation>
    </message>
</context>
<context>
    <name>cv::ResolveDialog</name>
    <message>
        <source>&amp;Uphold the score (%1)</source>
        <translation>&amp;Uphold the score (%1)</translation>
    </message>
    <message>
        <source>&amp;Re-score</source>
        <translation>&amp;Re-score</translation>
    </message>
    <message>
        <source>Resolve the dispute</source>
        <translation>Resolve the dispute</translation>
    </message>
    <message>
        <source>Why: the agent reads this</source>
        <translation>Why: the agent reads this</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes:</translation>
    </message>
</context>
<context>
    <name>cv::RoleAdminPanel</name>
    <message>
        <source>new role name</source>
        <translation>new role name</translation>
    </message>
    <message>
        <source>what the role is for</source>
        <translation>what the role is for</translation>
    </message>
    <message>
        <source>all calls</source>
        <translation>all calls</translation>
    </message>
    <message>
        <source>calls of their teams</source>
        <translation>calls of their teams</translation>
    </message>
    <message>
        <source>their own calls</source>
        <translation>their own calls</translation>
    </message>
    <message>
        <source>Create role</source>
        <translation>Create role</translation>
    </message>
    <message>
        <source>Your role (%1) may not change roles; the grid shows them read-only.</source>
        <translation>Your role (%1) may not change roles; the grid shows them read-only.</translation>
    </message>
    <message>
        <source>Separation of duties (三员分立): %1</source>
        <translation>Separation of duties (三员分立): %1</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Role %1 created; tick the permissions it needs.</source>
        <translation>Role %1 created; tick the permissions it needs.</translation>
    </message>
</context>
<context>
    <name>cv::SamplingRulesPanel</name>
    <message>
        <source>New rule</source>
        <translation>New rule</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Save rule</translation>
    </message>
    <message>
        <source>Switch off</source>
        <translation>Switch off</translation>
    </message>
    <message>
        <source>Generate now</source>
        <translation>Generate now</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Evaluators</source>
        <translation>Evaluators</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>You may not manage sampling rules: your role (%1) does not allow &quot;%2&quot;. Ask a security administrator if you need it.</source>
        <translation>You may not manage sampling rules: your role (%1) does not allow &quot;%2&quot;. Ask a security administrator if you need it.</translation>
    </message>
    <message>
        <source> calls per agent</source>
        <translation> calls per agent</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Tags, separated by commas</translation>
    </message>
    <message>
        <source>with any of the tags</source>
        <translation>with any of the tags</translation>
    </message>
    <message>
        <source>with all of the tags</source>
        <translation>with all of the tags</translation>
    </message>
    <message>
        <source> minutes or longer</source>
        <translation> minutes or longer</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Week (from Monday 00:00 UTC)</source>
        <translation>Week (from Monday 00:00 UTC)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>All my teams</source>
        <translation>All my teams</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Pick</translation>
    </message>
    <message>
        <source>Which calls</source>
        <translation>Which calls</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Random calls per agent</source>
        <translation>Random calls per agent</translation>
    </message>
    <message>
        <source>Calls with sentiment below</source>
        <translation>Calls with sentiment below</translation>
    </message>
    <message>
        <source>Calls with tags</source>
        <translation>Calls with tags</translation>
    </message>
    <message>
        <source>Long calls</source>
        <translation>Long calls</translation>
    </message>
    <message>
        <source>The sampling rules could not be read: %1</source>
        <translation>The sampling rules could not be read: %1</translation>
    </message>
    <message>
        <source>Switched off</source>
        <translation>Switched off</translation>
    </message>
    <message>
        <source>Switch on</source>
        <translation>Switch on</translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation>Give the rule a name.</translation>
    </message>
    <message>
        <source>Tick at least one evaluator.</source>
        <translation>Tick at least one evaluator.</translation>
    </message>
    <message>
        <source>Check the rule&apos;s fields: %1</source>
        <translation>Check the rule&apos;s fields: %1</translation>
    </message>
    <message>
        <source>The rule was not saved: %1</source>
        <translation>The rule was not saved: %1</translation>
    </message>
    <message>
        <source>Saved rule &quot;%1&quot;.</source>
        <translation>Saved rule &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The rule was not changed: %1</source>
        <translation>The rule was not changed: %1</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is on.</source>
        <translation>Rule &quot;%1&quot; is on.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is switched off.</source>
        <translation>Rule &quot;%1&quot; is switched off.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;, %2 to %3: queued %4 calls; skipped %5 already queued and %6 already evaluated.</source>
        <translation>Rule &quot;%1&quot;, %2 to %3: queued %4 calls; skipped %5 already queued and %6 already evaluated.</translation>
    </message>
    <message>
        <source>Not queued, since no evaluator of the rule may score them: %1.</source>
        <translation>Not queued, since no evaluator of the rule may score them: %1.</translation>
    </message>
    <message>
        <source>Assigned: %1.</source>
        <translation>Assigned: %1.</translation>
    </message>
    <message>
        <source>Select a rule to generate its queue.</source>
        <translation>Select a rule to generate its queue.</translation>
    </message>
    <message>
        <source>Nothing was queued: %1</source>
        <translation>Nothing was queued: %1</translation>
    </message>
</context>
<context>
    <name>cv::SavedSearches</name>
    <message>
        <source>There is no saved search &quot;%1&quot;.</source>
        <translation>There is no saved search &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>A saved search needs a name of 1 to %1 characters.</source>
        <translation>A saved search needs a name of 1 to %1 characters.</translation>
    </message>
    <message>
        <source>The saved searches could not be written.</source>
        <translation>The saved searches could not be written.</translation>
    </message>
</context>
<context>
    <name>cv::SearchFilterPanel</name>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Any time</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Custom range</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>From:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Until:</translation>
    </message>
    <message>
        <source>name or agent id</source>
        <translation>name or agent id</translation>
    </message>
    <message>
        <source>&amp;Agent:</source>
        <translation>&amp;Agent:</translation>
    </message>
    <message>
        <source>T&amp;eam:</source>
        <translation>T&amp;eam:</translation>
    </message>
    <message>
        <source>13800138000, 138 0013*, *8000</source>
        <translation>13800138000, 138 0013*, *8000</translation>
    </message>
    <message>
        <source>A whole number matches it in any written form; end with * for numbers that begin so; start with * for the last four or more digits.</source>
        <translation>A whole number matches it in any written form; end with * for numbers that begin so; start with * for the last four or more digits.</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>Any direction</source>
        <translation>Any direction</translation>
    </message>
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
        <source>&amp;Direction:</source>
        <translation>&amp;Direction:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Sentiment between</source>
        <translation>Sentiment between</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>tags, separated by commas</translation>
    </message>
    <message>
        <source>any of them</source>
        <translation>any of them</translation>
    </message>
    <message>
        <source>all of them</source>
        <translation>all of them</translation>
    </message>
    <message>
        <source>Evaluated or not</source>
        <translation>Evaluated or not</translation>
    </message>
    <message>
        <source>Evaluated</source>
        <translation>Evaluated</translation>
    </message>
    <message>
        <source>Not evaluated</source>
        <translation>Not evaluated</translation>
    </message>
    <message>
        <source>E&amp;valuation:</source>
        <translation>E&amp;valuation:</translation>
    </message>
    <message>
        <source>Score between</source>
        <translation>Score between</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>&amp;Reset</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Any team</source>
        <translation>Any team</translation>
    </message>
    <message>
        <source>The phone filter is not a number: %1</source>
        <translation>The phone filter is not a number: %1</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Duration:</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>Tags:</translation>
    </message>
</context>
<context>
    <name>cv::SearchPanel</name>
    <message>
        <source>Right-click to choose the columns</source>
        <translation>Right-click to choose the columns</translation>
    </message>
    <message>
        <source>Your saved searches</source>
        <translation>Your saved searches</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation>Saved searches</translation>
    </message>
    <message>
        <source>Save search</source>
        <translation>Save search</translation>
    </message>
    <message>
        <source>Name of this search:</source>
        <translation>Name of this search:</translation>
    </message>
    <message>
        <source>Saved search</source>
        <translation>Saved search</translation>
    </message>
    <message>
        <source>The saved search &quot;%1&quot; cannot be used: %2</source>
        <translation>The saved search &quot;%1&quot; cannot be used: %2</translation>
    </message>
    <message>
        <source>Delete saved search</source>
        <translation>Delete saved search</translation>
    </message>
    <message>
        <source>Delete the saved search &quot;%1&quot;?</source>
        <translation>Delete the saved search &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>The search failed: %1</source>
        <translation>The search failed: %1</translation>
    </message>
    <message>
        <source>Choose filters and press Search.</source>
        <translation>Choose filters and press Search.</translation>
    </message>
    <message>
        <source>%1 shown, counting…</source>
        <translation>%1 shown, counting…</translation>
    </message>
    <message>
        <source>%1 of %2 recordings shown</source>
        <translation>%1 of %2 recordings shown</translation>
    </message>
    <message>
        <source>(loading)</source>
        <translation>(loading)</translation>
    </message>
    <message>
        <source>Your role (%1) may not search recordings.</source>
        <translation>Your role (%1) may not search recordings.</translation>
    </message>
</context>
<context>
    <name>cv::SearchResultModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
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
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>Customer phone</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Sentiment</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Tier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
</context>
<context>
    <name>cv::SessionMenu</name>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <source>&amp;Change password…</source>
        <translation>&amp;Change password…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>As the system</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The language changes the next time CallVault starts.</source>
        <translation>The language changes the next time CallVault starts.</translation>
    </message>
</context>
<context>
    <name>cv::SettingsAdminPanel</name>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <source>Double-click a value to change it.</source>
        <translation>Double-click a value to change it.</translation>
    </message>
    <message>
        <source>Your role (%1) may not change this setting.</source>
        <translation>Your role (%1) may not change this setting.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 is now %2.</translation>
    </message>
    <message>
        <source>Change setting</source>
        <translation>Change setting</translation>
    </message>
</context>
<context>
    <name>cv::SiteKeysPanel</name>
    <message>
        <source>Site:</source>
        <translation>Site:</translation>
    </message>
    <message>
        <source>Encryption key fingerprint:</source>
        <translation>Encryption key fingerprint:</translation>
    </message>
    <message>
        <source>Read it aloud to compare with a capture node or a key backup.</source>
        <translation>Read it aloud to compare with a capture node or a key backup.</translation>
    </message>
    <message>
        <source>Back up the private keys…</source>
        <translation>Back up the private keys…</translation>
    </message>
    <message>
        <source>Your role (%1) may not manage the site keys.</source>
        <translation>Your role (%1) may not manage the site keys.</translation>
    </message>
    <message>
        <source>The backup passphrase needs at least %1 characters.</source>
        <translation>The backup passphrase needs at least %1 characters.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>The site keys are not available here: %1</source>
        <translation>The site keys are not available here: %1</translation>
    </message>
    <message>
        <source>The backup was not written: %1</source>
        <translation>The backup was not written: %1</translation>
    </message>
    <message>
        <source>Wrote the key backup %1. Keep it and its passphrase apart, offline.</source>
        <translation>Wrote the key backup %1. Keep it and its passphrase apart, offline.</translation>
    </message>
    <message>
        <source>Back up the private keys</source>
        <translation>Back up the private keys</translation>
    </message>
    <message>
        <source>Key backups (*.json)</source>
        <translation>Key backups (*.json)</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Backup passphrase</translation>
    </message>
    <message>
        <source>Passphrase for the backup:</source>
        <translation>Passphrase for the backup:</translation>
    </message>
    <message>
        <source>The same passphrase again:</source>
        <translation>The same passphrase again:</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was written.</source>
        <translation>The two passphrases differ; nothing was written.</translation>
    </message>
</context>
<context>
    <name>cv::TagEditor</name>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>new tags, separated by commas</source>
        <translation>new tags, separated by commas</translation>
    </message>
    <message>
        <source>Your role (%1) may not tag recordings.</source>
        <translation>Your role (%1) may not tag recordings.</translation>
    </message>
    <message>
        <source>The tags could not be read: %1</source>
        <translation>The tags could not be read: %1</translation>
    </message>
    <message>
        <source>The tags could not be changed: %1</source>
        <translation>The tags could not be changed: %1</translation>
    </message>
</context>
<context>
    <name>cv::TeamAdminPanel</name>
    <message>
        <source>Team id</source>
        <translation>Team id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>team id, e.g. cards-1</source>
        <translation>team id, e.g. cards-1</translation>
    </message>
    <message>
        <source>name people see</source>
        <translation>name people see</translation>
    </message>
    <message>
        <source>agent id</source>
        <translation>agent id</translation>
    </message>
    <message>
        <source>agent name (optional)</source>
        <translation>agent name (optional)</translation>
    </message>
    <message>
        <source>Add team</source>
        <translation>Add team</translation>
    </message>
    <message>
        <source>Put into team</source>
        <translation>Put into team</translation>
    </message>
    <message>
        <source>New team:</source>
        <translation>New team:</translation>
    </message>
    <message>
        <source>Agent:</source>
        <translation>Agent:</translation>
    </message>
    <message>
        <source>Your role (%1) may not manage teams.</source>
        <translation>Your role (%1) may not manage teams.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Team %1 added.</source>
        <translation>Team %1 added.</translation>
    </message>
    <message>
        <source>Agent %1 is now in team %2.</source>
        <translation>Agent %1 is now in team %2.</translation>
    </message>
</context>
<context>
    <name>cv::UserAdminPanel</name>
    <message>
        <source>Add user…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>Disable / enable</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Teams</source>
        <translation>Teams</translation>
    </message>
    <message>
        <source>Agent id</source>
        <translation>Agent id</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Last log-in</source>
        <translation>Last log-in</translation>
    </message>
    <message>
        <source>Your role (%1) may not manage users.</source>
        <translation>Your role (%1) may not manage users.</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>locked</translation>
    </message>
    <message>
        <source>must change password</source>
        <translation>must change password</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>team ids, separated by commas</source>
        <translation>team ids, separated by commas</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>Teams:</source>
        <translation>Teams:</translation>
    </message>
    <message>
        <source>Temporary password:</source>
        <translation>Temporary password:</translation>
    </message>
    <message>
        <source>The user must choose a new password at the first log-in.</source>
        <translation>The user must choose a new password at the first log-in.</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>Temporary password for %1:</source>
        <translation>Temporary password for %1:</translation>
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
<context>
    <name>cv::WorkQueueModel</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1, overdue</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>The deadline has passed and the evaluation is not submitted.</source>
        <translation>The deadline has passed and the evaluation is not submitted.</translation>
    </message>
    <message>
        <source>Call start</source>
        <translation>Call start</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>cv::WorkQueueView</name>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Calls to evaluate</source>
        <translation>Calls to evaluate</translation>
    </message>
    <message>
        <source>My queue: calls to evaluate, by deadline</source>
        <translation>My queue: calls to evaluate, by deadline</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>The queue could not be read: %1</source>
        <translation>The queue could not be read: %1</translation>
    </message>
    <message>
        <source>Nothing to evaluate.</source>
        <translation>Nothing to evaluate.</translation>
    </message>
    <message>
        <source>Calls in the queue: %1.</source>
        <translation>Calls in the queue: %1.</translation>
    </message>
    <message>
        <source>Calls in the queue: %1, overdue: %2.</source>
        <translation>Calls in the queue: %1, overdue: %2.</translation>
    </message>
</context>
<context>
    <name>cv::WorkstationSession</name>
    <message>
        <source>CallVault — %1 (%2) — %3</source>
        <translation>CallVault — %1 (%2) — %3</translation>
    </message>
    <message>
        <source>This session belongs to %1; only they can unlock it. Log out to let another user log in.</source>
        <translation>This session belongs to %1; only they can unlock it. Log out to let another user log in.</translation>
    </message>
    <message>
        <source>Log in again to use the site keys.</source>
        <translation>Log in again to use the site keys.</translation>
    </message>
    <message>
        <source>The site keys stay locked.</source>
        <translation>The site keys stay locked.</translation>
    </message>
    <message>
        <source>That passphrase does not open the key file %1. Check the keyboard layout and Caps Lock, and try again.</source>
        <translation>That passphrase does not open the key file %1. Check the keyboard layout and Caps Lock, and try again.</translation>
    </message>
</context>
</TS>
