// Stored evaluation answers (qa/evaluationanswers.h): every kind of answer, comments and pins
// (also on questions not answered yet) survive a round trip; untrusted text is refused with
// the place named: unknown fields, wrong kinds and values, pins outside a call, size caps.
#include "qa/evaluationanswers.h"

#include <QTest>

using namespace cv;

class TestEvaluationAnswers final : public QObject
{
    Q_OBJECT

private:
    // JSON written with single quotes (moc does not read raw string literals).
    static QByteArray j(const char *singleQuoted) { return QByteArray(singleQuoted).replace('\'', '"'); }

    static EvaluationAnswers sample()
    {
        EvaluationAnswers a;
        a.formId = QStringLiteral("service-quality");
        a.formVersion = 2;
        a.comment = QStringLiteral("整体不错。");
        a.answers.insert(QStringLiteral("greeting"), Answer::yes());
        a.answers.insert(QStringLiteral("identity"), Answer::no());
        a.answers.insert(QStringLiteral("courtesy"), Answer::scale(4));
        a.answers.insert(QStringLiteral("accuracy"), Answer::choice(QStringLiteral("partly")));
        a.answers.insert(QStringLiteral("hold"), Answer::notApplicable());
        a.answers.insert(QStringLiteral("notes"), Answer::text(QStringLiteral("Coach on hold etiquette.")));
        a.notes.insert(QStringLiteral("greeting"), AnswerNote{QString(), 1200});
        a.notes.insert(QStringLiteral("courtesy"), AnswerNote{QStringLiteral("Polite, a little rushed"), 61250});
        a.notes.insert(QStringLiteral("closing"), AnswerNote{QStringLiteral("listen again"), std::nullopt});
        return a;
    }

private slots:
    void roundTrip()
    {
        const EvaluationAnswers a = sample();
        auto back = EvaluationAnswers::fromJson(a.toJson());
        QVERIFY2(back, qPrintable(back.errorMessage()));
        QVERIFY(back.value() == a);
        QCOMPARE(back->notes.value(QStringLiteral("courtesy")).atMs, std::optional<qint64>(61250));
        QVERIFY(!back->answers.contains(QStringLiteral("closing"))); // a note before the answer
        QCOMPARE(back->notes.value(QStringLiteral("closing")).comment, QStringLiteral("listen again"));
    }

    void refusals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray head = j("{'format':'callvault-evaluation-answers','formatVersion':1,'formId':'f','formVersion':1,");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("$: not a JSON object");
        QTest::newRow("other format")
            << (j("{'format':'x','formatVersion':1,'formId':'f','formVersion':1,'answers':{}}"))
            << QStringLiteral("format: not \"callvault-evaluation-answers\"");
        QTest::newRow("newer version")
            << (j("{'format':'callvault-evaluation-answers','formatVersion':2,'formId':'f','formVersion':1,'answers':{}}"))
            << QStringLiteral("formatVersion: this program reads version 1");
        QTest::newRow("unknown top field") << head + j("'answers':{},'score':100}")
                                           << QStringLiteral("$: unknown field \"score\"");
        QTest::newRow("unknown answer field") << head + j("'answers':{'q1':{'kind':'yes','critcal':true}}}")
                                              << QStringLiteral("answers.q1: unknown field \"critcal\"");
        QTest::newRow("bad kind") << head + j("'answers':{'q1':{'kind':'maybe'}}}")
                                  << QStringLiteral("answers.q1.kind: not one of");
        QTest::newRow("scale without value") << head + j("'answers':{'q1':{'kind':'scale'}}}")
                                             << QStringLiteral("answers.q1.value: a scale answer is a whole number");
        QTest::newRow("fractional scale") << head + j("'answers':{'q1':{'kind':'scale','value':2.5}}}")
                                          << QStringLiteral("answers.q1.value: a scale answer is a whole number");
        QTest::newRow("yes with value") << head + j("'answers':{'q1':{'kind':'yes','value':1}}}")
                                        << QStringLiteral("answers.q1.value: a yes answer has no value");
        QTest::newRow("empty choice") << head + j("'answers':{'q1':{'kind':'choice','value':''}}}")
                                      << QStringLiteral("answers.q1.value: empty or too long");
        QTest::newRow("negative pin") << head + j("'answers':{'q1':{'kind':'yes','atMs':-5}}}")
                                      << QStringLiteral("answers.q1.atMs: not a whole number of milliseconds");
        QTest::newRow("pin beyond two days") << head + j("'answers':{'q1':{'kind':'yes','atMs':172800001}}}")
                                             << QStringLiteral("answers.q1.atMs: not a whole number");
        QTest::newRow("empty entry") << head + j("'answers':{'q1':{}}}")
                                     << QStringLiteral("answers.q1: neither an answer nor a note");
        QTest::newRow("value without kind") << head + j("'answers':{'q1':{'value':'x'}}}")
                                            << QStringLiteral("answers.q1.value: a value without a kind");
        QTest::newRow("no form version") << (j("{'format':'callvault-evaluation-answers','formatVersion':1,'formId':'f','answers':{}}"))
                                         << QStringLiteral("formVersion: not a version number");
        QTest::newRow("too long comment") << head + j("'comment':'") + QByteArray(10001, 'x') + j("','answers':{}}")
                                          << QStringLiteral("$.comment: longer than 10000 characters");
        QTest::newRow("too large") << QByteArray(EvaluationAnswers::kMaxBytes + 1, ' ')
                                   << QStringLiteral("$: larger than");
    }

    void refusals()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        auto read = EvaluationAnswers::fromJson(json);
        QVERIFY(!read);
        QCOMPARE(read.error().code, ErrorCode::Format);
        QVERIFY2(read.errorMessage().contains(message), qPrintable(read.errorMessage()));
    }

    void tooManyAnswers()
    {
        EvaluationAnswers a;
        a.formId = QStringLiteral("f");
        a.formVersion = 1;
        for (int i = 0; i <= EvaluationAnswers::kMaxAnswers; ++i)
            a.answers.insert(QStringLiteral("q%1").arg(i), Answer::yes());
        auto read = EvaluationAnswers::fromJson(a.toJson());
        QVERIFY(!read);
        QVERIFY(read.errorMessage().contains(QLatin1String("more than 500 answers")));
    }
};

QTEST_GUILESS_MAIN(TestEvaluationAnswers)
#include "tst_evaluationanswers.moc"
