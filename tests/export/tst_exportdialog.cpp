// The export dialog, offscreen on a real site: an empty reason is refused before anything
// happens; an export runs off the GUI thread with a progress bar and ends with a summary;
// Cancel during an export leaves no file; and the main window's Export action is disabled
// with a reason for a role without recording.export.
#include "authtestsupport.h"
#include "exporttestsupport.h"

#include "export/exportaction.h"
#include "export/exportdialog.h"
#include "mainwindow.h"
#include "session/workstationsession.h"
#include "site/site.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace cv;

class TestExportDialog final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_site.setUp());
        for (int i = 0; i < 3; ++i) {
            const QUuid id = m_site.importSine(16000, 2, i == 0 ? 1000 : 20000);
            QVERIFY(!id.isNull());
            m_ids << id;
        }
        auto sam = m_site.principal(QStringLiteral("sam"));
        QVERIFY(sam);
        m_sam = *sam;
    }

    void emptyReasonIsRefused()
    {
        ExportDialog dialog(context(), {m_ids.first()});
        dialog.show();
        const QString dir = freshDir(QStringLiteral("empty"));
        dialog.findChild<QLineEdit *>(QStringLiteral("exportDirectory"))->setText(dir);
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("exportCount"))->text(),
                 QStringLiteral("1 recording(s) selected."));
        const qint64 before = authtest::lastAuditId(m_site.catalog());
        dialog.findChild<QPushButton *>(QStringLiteral("exportButton"))->click();
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("exportStatus"))->text().contains(QStringLiteral("reason")));
        QCOMPARE(authtest::lastAuditId(m_site.catalog()), before);
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList());
    }

    void exportsWithProgressAndSummary()
    {
        ExportDialog dialog(context(), {m_ids.at(0), m_ids.at(1)});
        dialog.show();
        const QString dir = freshDir(QStringLiteral("done"));
        dialog.findChild<QLineEdit *>(QStringLiteral("exportDirectory"))->setText(dir);
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("exportReason"))->setPlainText(QStringLiteral("QA review"));
        auto *progress = dialog.findChild<QProgressBar *>(QStringLiteral("exportProgress"));
        int maxSeen = 0;
        connect(progress, &QProgressBar::valueChanged, this, [&maxSeen](int v) { maxSeen = std::max(maxSeen, v); });
        dialog.findChild<QPushButton *>(QStringLiteral("exportButton"))->click();
        QVERIFY(dialog.isRunning());
        QVERIFY(progress->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning() && dialog.summary().items.size() == 2, 30000);
        QCOMPARE(dialog.summary().exported(), 2);
        QCOMPARE(progress->value(), 1000);
        QVERIFY(maxSeen > 0);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("exportStatus"))->text().startsWith(QStringLiteral("2 exported, 0 failed.")));
        QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 4);
        QCOMPARE(dialog.findChild<QPushButton *>(QStringLiteral("exportCancel"))->text(), QStringLiteral("Close"));
    }

    void cancelLeavesNoPartialFile()
    {
        ExportDialog dialog(context(), {m_ids.at(1), m_ids.at(2)});
        dialog.show();
        const QString dir = freshDir(QStringLiteral("cancel"));
        dialog.findChild<QLineEdit *>(QStringLiteral("exportDirectory"))->setText(dir);
        auto *format = dialog.findChild<QComboBox *>(QStringLiteral("exportFormat"));
        format->setCurrentIndex(format->findData(int(RecordingExporter::Format::Wav)));
        dialog.findChild<QPlainTextEdit *>(QStringLiteral("exportReason"))->setPlainText(QStringLiteral("cancel me"));
        dialog.findChild<QPushButton *>(QStringLiteral("exportButton"))->click();
        QVERIFY(dialog.isRunning());
        dialog.findChild<QPushButton *>(QStringLiteral("exportCancel"))->click();
        QVERIFY(dialog.isVisible()); // stays open to report
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isRunning(), 30000);
        QTRY_VERIFY(dialog.summary().cancelled);
        QCOMPARE(QDir(dir).entryList(QDir::Files | QDir::Hidden), QStringList());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("exportStatus"))->text().contains(QStringLiteral("Cancelled")));
    }

    void actionIsDisabledWithAReason()
    {
        auto in = SiteLogin::login(m_site.site(), QStringLiteral("quinn"), ExportTestSite::password(),
                                   QStringLiteral("ws"), QStringLiteral("test"), m_site.login().options());
        QVERIFY(in);
        WorkstationSession session(in.takeValue(), m_site.login().options());
        MainWindow window(session);
        auto *action = window.findChild<QAction *>(QStringLiteral("exportAction"));
        QVERIFY(action);
        QVERIFY(action->isVisible());
        QVERIFY(!action->isEnabled());
        QCOMPARE(action->toolTip(), QStringLiteral("Your role (qa_evaluator) may not export recordings."));

        auto samIn = SiteLogin::login(m_site.site(), QStringLiteral("sam"), ExportTestSite::password(),
                                      QStringLiteral("ws"), QStringLiteral("test"), m_site.login().options());
        QVERIFY(samIn);
        WorkstationSession samSession(samIn.takeValue(), m_site.login().options());
        MainWindow samWindow(samSession);
        QVERIFY(samWindow.findChild<QAction *>(QStringLiteral("exportAction"))->isEnabled());
    }

private:
    ExportDialog::Context context()
    {
        const Site site = m_site.site();
        const SiteKeys *keys = &m_site.keys();
        return ExportDialog::Context{site.layout(), &m_site.catalog(), site.config().siteId, m_sam,
                                     [keys]() -> Result<const SiteKeys *> { return keys; }};
    }

    QString freshDir(const QString &name)
    {
        const QString dir = m_site.scratch(name);
        QDir().mkpath(dir);
        return dir;
    }

    ExportTestSite m_site;
    QVector<QUuid> m_ids;
    Principal m_sam;
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
