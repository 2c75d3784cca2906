// The form designer (offscreen): a form is designed through the widgets (sections, yes/no,
// scale, choice with points and a failing choice, a conditional question, critical and
// fatal marks, weights), its problems are listed live and block the export, the export is a
// FormJson file that reads back to the same form, the preview shows it as evaluators will
// (the conditional question appears on the answer it waits for), and a default form imports.
#include "widgetlookup.h"
#include "qa/defaultforms.h"
#include "qa/evaluationpane.h"
#include "qa/formdesigner.h"
#include "qa/formjson.h"
#include "qa/questioneditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace cv;
using widgettest::child;

class TestFormDesigner final : public QObject
{
    Q_OBJECT

private:
    static void setKind(QWidget &w, QuestionKind kind)
    {
        auto *combo = child<QComboBox>(w, QStringLiteral("questionKindCombo"));
        combo->setCurrentIndex(combo->findData(int(kind)));
    }

    static void setText(QWidget &w, const char *name, const QString &text)
    {
        if (auto *line = w.findChild<QLineEdit *>(QString::fromLatin1(name))) {
            line->selectAll();
            QTest::keyClicks(line, text);
            return;
        }
        child<QPlainTextEdit>(w, QString::fromLatin1(name))->setPlainText(text);
    }

private slots:
    void designsExportsAndPreviewsAForm()
    {
        FormDesigner d;
        d.resize(1000, 800);
        d.show();
        QVERIFY(!d.problems().isEmpty()); // a new form has no section yet
        setText(d, "formIdEdit", QStringLiteral("billing-calls"));
        setText(d, "formTitleEdit", QStringLiteral("Billing calls"));

        QTest::mouseClick(child<QPushButton>(d, QStringLiteral("addSectionButton")), Qt::LeftButton);
        setText(d, "sectionTitleEdit", QStringLiteral("Checks"));
        QTest::mouseClick(child<QPushButton>(d, QStringLiteral("addQuestionButton")), Qt::LeftButton);
        setText(d, "questionIdEdit", QStringLiteral("identity"));
        setText(d, "questionTextEdit", QStringLiteral("Identity verified?"));
        child<QCheckBox>(d, QStringLiteral("questionCritical"))->setChecked(true);

        QTest::mouseClick(child<QPushButton>(d, QStringLiteral("addQuestionButton")), Qt::LeftButton);
        setText(d, "questionIdEdit", QStringLiteral("courtesy"));
        setText(d, "questionTextEdit", QStringLiteral("Courteous?"));
        setKind(d, QuestionKind::Scale);
        child<QSpinBox>(d, QStringLiteral("questionScaleMax"))->setValue(4);

        QTest::mouseClick(child<QPushButton>(d, QStringLiteral("addQuestionButton")), Qt::LeftButton);
        setText(d, "questionIdEdit", QStringLiteral("resolution"));
        setText(d, "questionTextEdit", QStringLiteral("Resolved?"));
        setKind(d, QuestionKind::Choice);
        auto *addChoice = child<QPushButton>(d, QStringLiteral("addChoiceButton"));
        QTest::mouseClick(addChoice, Qt::LeftButton);
        QTest::mouseClick(addChoice, Qt::LeftButton);
        auto *choices = child<QTableWidget>(d, QStringLiteral("questionChoices"));
        choices->item(0, 0)->setText(QStringLiteral("yes"));
        choices->item(0, 2)->setText(QStringLiteral("2"));
        choices->item(1, 0)->setText(QStringLiteral("no"));
        choices->item(1, 3)->setCheckState(Qt::Checked);
        child<QCheckBox>(d, QStringLiteral("questionFatal"))->setChecked(true);

        QTest::mouseClick(child<QPushButton>(d, QStringLiteral("addQuestionButton")), Qt::LeftButton);
        setText(d, "questionIdEdit", QStringLiteral("escalated"));
        setText(d, "questionTextEdit", QStringLiteral("Escalated to a supervisor?"));
        auto *condition = child<QComboBox>(d, QStringLiteral("questionConditionCombo"));
        condition->setCurrentIndex(condition->findData(QStringLiteral("resolution")));
        setText(d, "questionConditionValues", QStringLiteral("no"));

        QVERIFY2(d.problems().isEmpty(), qPrintable(d.problems().join(QLatin1Char('\n'))));
        QCOMPARE(child<QLabel>(d, QStringLiteral("formDesignerMessage"))->text(),
                 QStringLiteral("The form is ready to publish."));
        const EvaluationForm designed = d.form();
        QCOMPARE(designed.sections.size(), 1);
        QCOMPARE(designed.sections[0].questions.size(), 4);
        QVERIFY(designed.findQuestion(QStringLiteral("identity"))->critical);
        QCOMPARE(designed.findQuestion(QStringLiteral("courtesy"))->scaleMax, 4);
        QCOMPARE(designed.findQuestion(QStringLiteral("resolution"))->choices.size(), 2);
        QVERIFY(designed.findQuestion(QStringLiteral("resolution"))->choices[1].fail);
        QCOMPARE(designed.findQuestion(QStringLiteral("escalated"))->condition->anyOf, QStringList{QStringLiteral("no")});

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("billing.json"));
        QVERIFY(d.exportTo(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto read = FormJson::fromJson(file.readAll());
        QVERIFY2(read, qPrintable(read.errorMessage()));
        QVERIFY(read.value() == designed);

        // The preview: the conditional question waits for "no" on resolution.
        auto *tabs = d.findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentIndex(1);
        auto *preview = d.findChild<EvaluationPane *>();
        QVERIFY(preview);
        QCOMPARE(preview->form(), designed);
        QVERIFY(!preview->score().visibleQuestions.contains(QStringLiteral("escalated")));
        QTRY_VERIFY(preview->editor(QStringLiteral("courtesy"))->isVisible());
        QVERIFY(!preview->editor(QStringLiteral("escalated"))->isVisible());
        auto *resolution = child<QComboBox>(*preview, QStringLiteral("answer_resolution"));
        resolution->setCurrentIndex(resolution->findData(QStringLiteral("no")));
        QVERIFY(preview->score().visibleQuestions.contains(QStringLiteral("escalated")));
        QTRY_VERIFY(preview->editor(QStringLiteral("escalated"))->isVisible());
        QVERIFY(preview->score().fatal);
    }

    void problemsBlockTheExport()
    {
        FormDesigner d;
        auto loaded = DefaultForms::load(QStringLiteral("service-quality-en"));
        QVERIFY(loaded);
        d.setForm(loaded.value());
        QVERIFY(d.problems().isEmpty());
        // Two questions with one id: listed, and nothing is written.
        auto *tree = child<QTreeWidget>(d, QStringLiteral("formTree"));
        tree->setCurrentItem(tree->topLevelItem(0)->child(1));
        setText(d, "questionIdEdit", QStringLiteral("greeting"));
        QVERIFY(!d.problems().isEmpty());
        QVERIFY(child<QListWidget>(d, QStringLiteral("formProblems"))->count() > 0);
        QTemporaryDir dir;
        QVERIFY(!d.exportTo(dir.filePath(QStringLiteral("broken.json"))));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("broken.json"))));
        QCOMPARE(child<QLabel>(d, QStringLiteral("formDesignerMessage"))->text(),
                 QStringLiteral("Fix the problems listed above first."));
    }

    void importsADefaultForm()
    {
        auto loaded = DefaultForms::load(QStringLiteral("dual-recording-compliance-zh-cn"));
        QVERIFY(loaded);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("dual.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(FormJson::toJson(loaded.value()));
        file.close();
        FormDesigner d;
        QVERIFY(d.importFrom(path));
        QVERIFY(d.form() == loaded.value());
        QCOMPARE(child<QTreeWidget>(d, QStringLiteral("formTree"))->topLevelItemCount(),
                 int(loaded->sections.size()));
        QVERIFY(!d.importFrom(dir.filePath(QStringLiteral("missing.json"))));
    }
};

QTEST_MAIN(TestFormDesigner)
#include "tst_formdesigner.moc"
