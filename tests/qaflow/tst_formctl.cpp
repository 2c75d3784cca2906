// callvaultctl form ... end to end (the real binary, a key-file site): the built-in forms are
// published once (again: unchanged); a form exported, edited and imported becomes version 2,
// and version 1 still exports as it was; a broken file is refused before any log-in with the
// place named; a user without qa.forms.manage is refused.
#include "ctltesthelpers.h"
#include "qa/formjson.h"

#include <QFile>
#include <QTest>

using namespace ctltest;

namespace {
const QString kSupervisorPassword = QStringLiteral("Supervisor passw0rd for tests");
} // namespace

class TestFormCtl final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_site.isValid());
        RunResult r = m_site.init();
        CTL_EXPECT_EXIT(r, 0);
        QVERIFY2(m_site.addUser(QStringLiteral("sup"), {QStringLiteral("--role"), QStringLiteral("supervisor")},
                                kSupervisorPassword, &r),
                 qPrintable(r.describe()));
        m_sup = m_site.envAs(QStringLiteral("sup"), kSupervisorPassword);
    }

    void publishesEditsAndExportsForms()
    {
        RunResult r = m_site.ctl({QStringLiteral("form"), QStringLiteral("defaults")}, m_sup);
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Published service-quality-en version 1"));
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Published dual-recording-compliance-zh-cn version 1"));
        r = m_site.ctl({QStringLiteral("form"), QStringLiteral("defaults"), QStringLiteral("--lang"), QStringLiteral("en")},
                       m_sup);
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Unchanged service-quality-en version 1"));

        const QString v1 = m_site.scratch(QStringLiteral("service-v1.json"));
        r = m_site.ctl({QStringLiteral("form"), QStringLiteral("export"), QStringLiteral("service-quality-en"), v1}, m_sup);
        CTL_EXPECT_EXIT(r, 0);
        auto form = cv::FormJson::fromJson(readFile(v1));
        QVERIFY2(form, qPrintable(form.errorMessage()));
        QCOMPARE(form->version, 1);
        form->sections[0].questions[0].text = QStringLiteral("Greeted the customer by name?");
        const QString edited = m_site.scratch(QStringLiteral("service-edited.json"));
        QVERIFY(writeFile(edited, cv::FormJson::toJson(form.value())));
        r = m_site.ctl({QStringLiteral("form"), QStringLiteral("import"), edited}, m_sup);
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("Published service-quality-en version 2"));

        r = m_site.ctl({QStringLiteral("form"), QStringLiteral("list")}, m_sup);
        CTL_EXPECT_EXIT(r, 0);
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("service-quality-en  v2  en"));
        CTL_EXPECT_CONTAINS(r.out, QStringLiteral("4 forms"));

        const QString again = m_site.scratch(QStringLiteral("service-v1-again.json"));
        r = m_site.ctl({QStringLiteral("form"), QStringLiteral("export"), QStringLiteral("service-quality-en"), again,
                        QStringLiteral("--version"), QStringLiteral("1")},
                       m_sup);
        CTL_EXPECT_EXIT(r, 0);
        auto first = cv::FormJson::fromJson(readFile(again));
        QVERIFY(first);
        QCOMPARE(first->version, 1);
        QVERIFY(first->sections[0].questions[0].text != QStringLiteral("Greeted the customer by name?"));
    }

    void refusals()
    {
        // A broken file: refused with its place, before any password is used.
        const QString broken = m_site.scratch(QStringLiteral("broken.json"));
        QByteArray json = readFile(m_site.scratch(QStringLiteral("service-v1.json")));
        QVERIFY(!json.isEmpty());
        json.replace("\"critical\"", "\"critcal\"");
        QVERIFY(writeFile(broken, json));
        QProcessEnvironment noPassword = m_sup;
        noPassword.remove(QStringLiteral("CALLVAULT_PASSWORD"));
        RunResult r = m_site.ctl({QStringLiteral("form"), QStringLiteral("import"), broken}, noPassword);
        CTL_EXPECT_EXIT(r, 1);
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("critcal"));

        // The system administrator judges no calls: no qa.forms.manage.
        r = m_site.ctl({QStringLiteral("form"), QStringLiteral("import"), m_site.scratch(QStringLiteral("service-edited.json"))},
                       m_site.adminEnv());
        CTL_EXPECT_EXIT(r, 1);
        CTL_EXPECT_CONTAINS(r.err, QStringLiteral("may not search recordings or score recordings or design and publish evaluation forms"));
    }

private:
    CtlSite m_site;
    QProcessEnvironment m_sup;
};

QTEST_GUILESS_MAIN(TestFormCtl)
#include "tst_formctl.moc"
