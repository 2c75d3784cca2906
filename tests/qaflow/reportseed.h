#pragma once

#include "catalog/database.h"
#include "qaflowtestsupport.h"

#include <QDateTime>

// The catalog of the QA report tests (core and the workstation's report view), worked out by
// hand in docs/qa-reports.md's terms. On top of QaSite: agent A1 is "Alice Wong" (T1), A2 is
// "王芳" (T2), team T2 is named "二组"; two forms, published by the supervisor:
//   service v1: q1 yes/no "Greeted the caller, \"warmly\"", q2 yes/no "Identity check"
//               (critical, N/A allowed)
//   sales v1:   s1 yes/no "Offer made"
// Evaluations (evaluator u_qa_evaluator, times UTC):
//   e1 A1 Mon 2024-04-01 09:00 service q1 yes q2 yes  100  submitted
//   e2 A1 Sun 2024-04-07 23:59 service q1 no  q2 yes   50  acknowledged
//   e3 A1 Mon 2024-04-08 00:00 service q1 yes q2 no     0  disputed, re-scored to 60 (resolved)
//   e4 A1 Wed 2024-04-10 12:00 service q1 yes q2 yes  100  draft (counts nowhere)
//   e5 A2 Tue 2024-04-02 09:00 service q1 yes q2 N/A  100  disputed
//   e6 A2 Sat 2024-04-20 10:00 sales   s1 yes         100  acknowledged
//   e7 A1 Sun 2024-03-31 23:30 service q1 yes q2 yes   90  submitted (March)
// April: A1 3 evaluations, average 70, 1 disputed, 1 critical fail; A2 2, average 100,
// 1 disputed; overall 5, average 82; service 4 (77.5), sales 1 (100).
namespace qaflowtest {

struct ReportSite
{
    QaSite site;

    bool setUp(cv::Database &db, const QUuid &siteId);
    // A supervisor of both teams (u_supervisor_all).
    cv::Principal supervisorOfAll() const { return site.as(QStringLiteral("u_supervisor_all")); }

    static QDateTime utc(int month, int day, int hour, int minute);
};

} // namespace qaflowtest
