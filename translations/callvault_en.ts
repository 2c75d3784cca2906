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
</TS>
