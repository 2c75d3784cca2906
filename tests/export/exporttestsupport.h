#pragma once

#include "auth/principal.h"
#include "catalog/catalogtypes.h"
#include "logintestsupport.h"
#include "site/sitekeys.h"

#include <QStringList>
#include <QUuid>
#include <optional>

// A real SQLite site (LoginTestSite) with team T1, agent A1 in it, supervisor "sam" (T1,
// holds recording.export), QA evaluator "quinn" (T1, no recording.export) and sine
// recordings of agent A1 imported through the real WavImporter, for the export tests.
class ExportTestSite final
{
public:
    static QByteArray password() { return QByteArrayLiteral("export-test-password"); }

    // False with a test failure.
    bool setUp();
    // Imports a sine recording of agent A1 (`ms` long) wrapped to the site's public key, or
    // to `publicKey` when given (a capture node with an old copy of site.json); a null id
    // with a test failure.
    QUuid importSine(int rate, int channels, int ms, const QByteArray &publicKey = {});
    // The principal of a logged-in user ("sam", "quinn").
    std::optional<cv::Principal> principal(const QString &name);

    LoginTestSite &login() { return m_site; }
    cv::Database &catalog() { return m_site.catalog(); }
    const cv::SiteKeys &keys() const { return *m_keys; }
    cv::Site site() const { return m_site.site(); }
    QString scratch(const QString &name) const;

private:
    LoginTestSite m_site;
    std::optional<cv::SiteKeys> m_keys;
    QTemporaryDir m_scratch;
};

// Runs a tool with arguments; the exit code (-1 when it did not start) and its output.
struct ToolRun
{
    int exitCode = -1;
    QString out;
};
ToolRun runTool(const QString &program, const QStringList &args);
// Where `name` is installed; a test failure message when it is not.
QString requireTool(const QString &name);
