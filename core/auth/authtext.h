#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>

namespace cv::authtext {

// Text rules shared by core/auth. Names of users, teams and roles are checked before they
// reach a statement, so control characters, NUL, broken UTF-8 (U+FFFD, lone surrogates)
// and huge strings are refused with a plain message and never cause a database error.

constexpr int kMaxNameLength = 64;       // user and team names, team ids, agent ids
constexpr int kMaxAuditTextLength = 200; // names as they are written into audit rows

// A user or team name: 1..64 characters, no control characters, no U+FFFD or lone
// surrogates, no leading or trailing white space. `what` names it in the message ("A user
// name").
Result<void> checkName(const QString &name, const QString &what);
// A role name: 1..32 of a-z, 0-9 and '_', starting with a letter.
Result<void> checkRoleName(const QString &name);
// True when `text` holds a control character, U+FFFD or a lone surrogate.
bool hasForbiddenCharacters(const QString &text);
// The Unicode code points in `text` (a valid surrogate pair counts once): what a person
// counts as characters, also for text outside the BMP (QString::size() counts it twice).
int codePoints(const QString &text);

// `text` made safe for an audit row: control characters and lone surrogates replaced by
// U+FFFD, cut to kMaxAuditTextLength characters (with "…").
QString forAudit(const QString &text);
// Compact JSON text of `object` (audit details).
QString json(const QJsonObject &object);

} // namespace cv::authtext
