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
        <source>D&amp;uration:</source>
        <translation>D&amp;uration:</translation>
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
        <source>Ta&amp;gs:</source>
        <translation>Ta&amp;gs:</translation>
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
