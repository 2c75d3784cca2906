// DefaultForms (core/qa): the shipped forms load through FormJson (so they pass every
// validation rule), the en and zh_CN variants score alike, and the rules the forms promise
// (critical and fatal questions, N/A, the conditional follow-up) score as the worked
// examples of docs/qa-forms.md say.
#include "qa/defaultforms.h"
#include "qa/formversioning.h"
#include "qa/scoreengine.h"

#include <QRegularExpression>
#include <QTest>

using namespace cv;

namespace {

bool hasChinese(const QString &text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return han.match(text).hasMatch();
}

EvaluationForm load(const QString &name)
{
    auto form = DefaultForms::load(name);
    if (!form.ok())
        qFatal("%s", qPrintable(form.errorMessage()));
    return form.takeValue();
}

QStringList texts(const EvaluationForm &form)
{
    QStringList out{form.title, form.description};
    for (const Section &s : form.sections) {
        out << s.title;
        for (const Question &q : s.questions) {
            out << q.text << q.guidance;
            for (const Choice &c : q.choices)
                out << c.label;
        }
    }
    out.removeAll(QString());
    return out;
}

QStringList flagged(const EvaluationForm &form, bool Question::*flag)
{
    QStringList out;
    for (const Question *q : form.questionsInOrder())
        if (q->*flag)
            out << q->id;
    return out;
}

} // namespace

class TestDefaultForms final : public QObject
{
    Q_OBJECT

private slots:
    void everyFormLoads_data();
    void everyFormLoads();
    void languagesScoreAlike_data();
    void languagesScoreAlike();
    void serviceQualityRules();
    void serviceQualityWorkedExample();
    void complianceRules();
    void complianceWorkedExample();
    void namesByLanguage();
    void unknownName();
};

void TestDefaultForms::everyFormLoads_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : DefaultForms::names())
        QTest::newRow(qPrintable(name)) << name;
}

void TestDefaultForms::everyFormLoads()
{
    QFETCH(QString, name);
    const auto form = DefaultForms::load(name);
    QVERIFY2(form.ok(), qPrintable(form.errorMessage()));
    QCOMPARE(form->id, name);
    QCOMPARE(form->version, 1);
    const bool chinese = name.endsWith(QStringLiteral("-zh-cn"));
    QCOMPARE(form->language, chinese ? QStringLiteral("zh_CN") : QStringLiteral("en"));
    // Every text is in the form's language: Chinese in zh_CN, none in en.
    for (const QString &text : texts(form.value()))
        QVERIFY2(hasChinese(text) == chinese, qPrintable(text));
}

void TestDefaultForms::languagesScoreAlike_data()
{
    QTest::addColumn<QString>("form");
    QTest::newRow("service quality") << QStringLiteral("service-quality");
    QTest::newRow("dual recording") << QStringLiteral("dual-recording-compliance");
}

void TestDefaultForms::languagesScoreAlike()
{
    QFETCH(QString, form);
    EvaluationForm en = load(form + QStringLiteral("-en"));
    const EvaluationForm zh = load(form + QStringLiteral("-zh-cn"));
    QVERIFY(FormVersioning::sameScoring(en, zh));
    en.id = zh.id;
    const auto d = FormVersioning::decide(zh, en);
    QVERIFY(d.ok());
    for (const QString &path : d->differences) // only texts differ
        QVERIFY2(path == u"language" || path.endsWith(u".text") || path.endsWith(u".guidance") ||
                     path.endsWith(u".label") || path.endsWith(u"title") || path == u"description",
                 qPrintable(path));
}

void TestDefaultForms::serviceQualityRules()
{
    const EvaluationForm f = load(QStringLiteral("service-quality-en"));
    QCOMPARE(flagged(f, &Question::critical), QStringList{QStringLiteral("identity-verified")});
    QVERIFY(flagged(f, &Question::fatal).isEmpty());
    QCOMPARE(flagged(f, &Question::allowNa),
             QStringList({QStringLiteral("identity-verified"), QStringLiteral("hold-etiquette")}));
    const Question *followUp = f.findQuestion(QStringLiteral("follow-up-arranged"));
    QVERIFY(followUp && followUp->condition);
    QCOMPARE(followUp->condition->questionId, QStringLiteral("accurate-answer"));
}

// docs/qa-forms.md, "Worked example". Section weights 15/20/35/20/10.
//   opening     greeting yes [1], identity N/A (dropped)            -> 100
//   needs       needs-identified 4 of 5 -> 3/4                       -> 75
//   resolution  accurate-answer "partial" 1 of 2 points [3] -> 0.5, which shows
//               follow-up-arranged, yes [1] -> (3·0.5 + 1·1)/4         -> 62.5
//   conduct     courtesy 5 of 5 [2], hold N/A                        -> 100
//   closing     closing yes [1], coaching notes (text, not scored)   -> 100
//   total = (15·100 + 20·75 + 35·62.5 + 20·100 + 10·100)/100 = 81.875
void TestDefaultForms::serviceQualityWorkedExample()
{
    for (const QString &name :
         {QStringLiteral("service-quality-en"), QStringLiteral("service-quality-zh-cn")}) {
        const EvaluationForm f = load(name);
        const AnswerMap answers = {
            {QStringLiteral("greeting"), Answer::yes()},
            {QStringLiteral("identity-verified"), Answer::notApplicable()},
            {QStringLiteral("needs-identified"), Answer::scale(4)},
            {QStringLiteral("accurate-answer"), Answer::choice(QStringLiteral("partial"))},
            {QStringLiteral("follow-up-arranged"), Answer::yes()},
            {QStringLiteral("courtesy"), Answer::scale(5)},
            {QStringLiteral("hold-etiquette"), Answer::notApplicable()},
            {QStringLiteral("closing"), Answer::yes()},
            {QStringLiteral("coaching-notes"), Answer::text(QStringLiteral("Good recovery."))},
        };
        const ScoreResult r = ScoreEngine::score(f, answers);
        QVERIFY(r.isComplete());
        QVERIFY(r.total && qAbs(*r.total - 81.875) < 1e-9);
        QVERIFY(qAbs(*r.section(QStringLiteral("resolution"))->score - 62.5) < 1e-9);

        // Identity not verified (critical): opening becomes 0, total 81.875 − 15 = 66.875.
        AnswerMap failed = answers;
        failed.insert(QStringLiteral("identity-verified"), Answer::no());
        const ScoreResult f2 = ScoreEngine::score(f, failed);
        QCOMPARE(f2.failedCritical, QStringList{QStringLiteral("identity-verified")});
        QVERIFY(f2.total && qAbs(*f2.total - 66.875) < 1e-9);

        // A fully accurate answer hides the follow-up question; its answer is ignored.
        AnswerMap accurate = answers;
        accurate.insert(QStringLiteral("accurate-answer"),
                        Answer::choice(QStringLiteral("correct")));
        const ScoreResult f3 = ScoreEngine::score(f, accurate);
        QVERIFY(!f3.visibleQuestions.contains(QStringLiteral("follow-up-arranged")));
        // resolution 100: total = (1500 + 1500 + 3500 + 2000 + 1000)/100 = 95
        QVERIFY(f3.total && qAbs(*f3.total - 95.0) < 1e-9);
    }
}

void TestDefaultForms::complianceRules()
{
    for (const QString &name : {QStringLiteral("dual-recording-compliance-en"),
                                QStringLiteral("dual-recording-compliance-zh-cn")}) {
        const EvaluationForm f = load(name);
        QCOMPARE(
            flagged(f, &Question::critical),
            QStringList({QStringLiteral("recording-announced"), QStringLiteral("identity-verified"),
                         QStringLiteral("risk-disclosure-read"),
                         QStringLiteral("customer-confirmed")}));
        QCOMPARE(flagged(f, &Question::fatal),
                 QStringList{QStringLiteral("no-prohibited-promises")});
    }
    const EvaluationForm zh = load(QStringLiteral("dual-recording-compliance-zh-cn"));
    QStringList titles;
    for (const Section &s : zh.sections)
        titles << s.title;
    QCOMPARE(titles, QStringList({QStringLiteral("录音告知"), QStringLiteral("身份核实"),
                                  QStringLiteral("风险揭示"), QStringLiteral("客户确认"),
                                  QStringLiteral("销售行为")}));
}

// Section weights 20/20/30/20/10.
//   announcement  recording announced yes [2], agent introduced no [1]   -> 2/3 = 66.667
//   identity      verified yes                                            -> 100
//   risk          disclosure "partial" (marked fail, critical) [3]        -> 0
//   confirmation  confirmed yes                                           -> 100
//   conduct       no prohibited promises yes                              -> 100
//   total = (20·66.667 + 20·100 + 30·0 + 20·100 + 10·100)/100 = 63.333
// A prohibited promise (fatal) makes the total 0.
void TestDefaultForms::complianceWorkedExample()
{
    const EvaluationForm f = load(QStringLiteral("dual-recording-compliance-zh-cn"));
    AnswerMap answers = {
        {QStringLiteral("recording-announced"), Answer::yes()},
        {QStringLiteral("agent-introduced"), Answer::no()},
        {QStringLiteral("identity-verified"), Answer::yes()},
        {QStringLiteral("risk-disclosure-read"), Answer::choice(QStringLiteral("partial"))},
        {QStringLiteral("cooling-off-explained"), Answer::notApplicable()},
        {QStringLiteral("customer-confirmed"), Answer::yes()},
        {QStringLiteral("no-prohibited-promises"), Answer::yes()},
    };
    ScoreResult r = ScoreEngine::score(f, answers);
    QVERIFY(r.isComplete());
    QCOMPARE(r.failedCritical, QStringList{QStringLiteral("risk-disclosure-read")});
    QVERIFY(r.total && qAbs(*r.total - 190.0 / 3) < 1e-9);

    answers.insert(QStringLiteral("no-prohibited-promises"), Answer::no());
    r = ScoreEngine::score(f, answers);
    QVERIFY(r.fatal);
    QCOMPARE(*r.total, 0.0);
}

void TestDefaultForms::namesByLanguage()
{
    QCOMPARE(DefaultForms::namesForLanguage(QStringLiteral("zh_CN")),
             QStringList({QStringLiteral("service-quality-zh-cn"),
                          QStringLiteral("dual-recording-compliance-zh-cn")}));
    QCOMPARE(DefaultForms::namesForLanguage(QStringLiteral("en")),
             QStringList({QStringLiteral("service-quality-en"),
                          QStringLiteral("dual-recording-compliance-en")}));
    QCOMPARE(DefaultForms::namesForLanguage(QStringLiteral("de")),
             DefaultForms::namesForLanguage(QStringLiteral("en")));
}

void TestDefaultForms::unknownName()
{
    const auto r = DefaultForms::load(QStringLiteral("../etc/passwd"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestDefaultForms)
#include "tst_defaultforms.moc"
