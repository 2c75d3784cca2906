#pragma once

#include "auth/principal.h"
#include "catalog/catalogtypes.h"
#include "catalog/database.h"
#include "common/result.h"
#include "securedcatalog.h"

#include <QString>
#include <initializer_list>
#include <map>
#include <memory>

// Shared by the QA tests on a server-enforced PostgreSQL catalog (tst_qaflowsecured,
// tst_samplingsecured): a fresh secured catalog with teams T1 and T2, agents A1 (T1) and A2
// (T2), one call each (r1 on 2024-04-01 09:00 UTC, r2 a day later), and people logged in as
// their own login roles through cv::PgLogin, from host "ws-7".
namespace qaflowtest {

struct SecuredPerson
{
    std::unique_ptr<cv::Database> db;
    cv::Principal principal;
};

struct SecuredUser
{
    const char *name;
    const char *role;
    const char *team;  // nullptr: none
    const char *agent; // nullptr: none
};

struct SecuredQaSite
{
    std::unique_ptr<SecuredCatalog> catalog;
    std::map<QString, SecuredPerson> people;
    cv::RecordingRow r1; // agent A1, team T1
    cv::RecordingRow r2; // agent A2, team T2

    // `program`: the log-ins' program name (the audit rows show it).
    cv::Result<void> setUp(std::initializer_list<SecuredUser> users, const QString &program);
    void tearDown();
    // Publishes the small opaque form "call-quality" (version 1) as `publisher`.
    cv::Result<void> publishCallQuality(const QString &publisher);
    SecuredPerson &as(const QString &name) { return people.at(name); }
    // SecuredCatalog::outcome as that person.
    QString outcomeAs(const QString &name, const QString &sql, const QVariantList &values = {});
};

} // namespace qaflowtest
