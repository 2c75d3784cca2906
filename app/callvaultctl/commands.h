#pragma once

#include <QStringList>

// One function per callvaultctl command; `args` starts with the command's name.
namespace ctl {
int runInit(const QStringList &args);
int runUpgrade(const QStringList &args); // initcommand.cpp: secured PostgreSQL catalogs
int runImport(const QStringList &args);
int runList(const QStringList &args);
int runExport(const QStringList &args);
int runVerifyManifest(const QStringList &args);
int runVerify(const QStringList &args);
int runRecover(const QStringList &args);
int runDemo(const QStringList &args);
int runBench(const QStringList &args);
int runKey(const QStringList &args);
int runUser(const QStringList &args);    // usercommands.cpp
int runTeam(const QStringList &args);    // teamcommands.cpp
int runRole(const QStringList &args);    // rolecommands.cpp
int runSetting(const QStringList &args); // rolecommands.cpp
int runAudit(const QStringList &args);   // auditcommands.cpp
int runSearch(const QStringList &args);      // searchcommands.cpp
int runBenchSearch(const QStringList &args); // searchcommands.cpp: bench search
int runTag(const QStringList &args);         // tagcommands.cpp
int runBookmark(const QStringList &args);    // bookmarkcommands.cpp
int runForm(const QStringList &args);        // formcommands.cpp: QA evaluation forms
int runSampling(const QStringList &args);    // samplingcommands.cpp: sampling rules, work queues
} // namespace ctl
