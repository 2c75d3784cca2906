#pragma once

#include "auth/accesscontrol.h"
#include "common/result.h"

#include <QString>
#include <QVector>
#include <optional>

namespace cv {

class Database;

// A user who may score calls, and which calls their role reaches.
struct Scorer
{
    QString name;
    RecordingScope scope;

    bool reaches(const QString &team, const QString &agentId) const;
};

// Who may evaluate sampled calls: the enabled users holding recording.score now (no pending
// password change), by name, with their role's scope. For SamplingRules, QueueGenerator and
// WorkQueue, which check qa.forms.manage first (no check here). On a server-enforced
// PostgreSQL catalog QA management may not read accounts: the answer comes from the
// function cv_sampling_evaluators() (pgsecurity 047), which gives it to qa.forms.manage only.
class EvaluatorDirectory final
{
public:
    explicit EvaluatorDirectory(Database &db);

    Result<QVector<Scorer>> scorers();
    // NotFound-free: none when `name` is no such user.
    Result<std::optional<Scorer>> find(const QString &name);

private:
    Database &m_db;
};

} // namespace cv
