#pragma once

#include "auth/principal.h"
#include "authtestsupport.h"
#include "catalog/database.h"

#include <QString>
#include <map>

// Shared by the tests of core/qa's workflow (tests/qaflow): authtest::RoleSite (a user per
// default role, teams T1 and T2, agents A1 and A2 with one call each) plus the people the
// workflow tells apart: a second agent (u_agent2, agent A2), a supervisor of the other team
// (u_supervisor2, T2) and a second evaluator of T1 (u_evaluator2).
namespace qaflowtest {

struct QaSite
{
    authtest::RoleSite roles;
    std::map<QString, cv::Session> extra; // by user name

    bool setUp(cv::Database &db, const QUuid &siteId);
    // A default role's user (by role, or by its name u_<role>) or an extra user by name.
    cv::Principal as(const QString &who) const;
    // The supervisor publishes the small form "call-quality" (version 1, one question
    // "Greeting?"); false when refused.
    bool publishCallQuality(cv::Database &db);
};

// A small form definition (the form model's JSON is opaque to the catalog).
QString formJson(const QString &question);

} // namespace qaflowtest
