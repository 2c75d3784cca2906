// FormVersioning (core/qa): which edits of a published form need a new version. The rule
// (docs/qa-forms.md, "Versions"): anything that changes what an evaluator answers or how it
// is scored makes a new version; guidance, the form's title and description and section
// titles are help text and are corrected in place.
#include "qa/formversioning.h"
#include "qatestforms.h"

#include <QTest>
#include <functional>

using namespace cv;

namespace {

using Edit = std::function<void(EvaluationForm &)>;

struct Case
{
    const char *name;
    Edit edit;
    FormVersioning::Change change;
    QStringList differences;
    bool sameScoring;
};

QVector<Case> cases()
{
    using C = FormVersioning::Change;
    const auto q = [](EvaluationForm &f, int s, int i) -> Question & {
        return f.sections[s].questions[i];
    };
    return {
        {"unchanged", [](EvaluationForm &) {}, C::None, {}, true},
        {"only the version number", [](EvaluationForm &f) { f.version = 7; }, C::None, {}, true},
        {"guidance",
         [q](EvaluationForm &f) { q(f, 0, 0).guidance = QStringLiteral("Typo fixed"); },
         C::Editorial,
         {QStringLiteral("sections[0].questions[0].guidance")},
         true},
        {"form title and description",
         [](EvaluationForm &f) {
             f.title = QStringLiteral("Renamed");
             f.description = QStringLiteral("Now described");
         },
         C::Editorial,
         {QStringLiteral("title"), QStringLiteral("description")},
         true},
        {"section title",
         [](EvaluationForm &f) { f.sections[1].title = QStringLiteral("B2"); },
         C::Editorial,
         {QStringLiteral("sections[1].title")},
         true},
        {"question text",
         [q](EvaluationForm &f) { q(f, 0, 0).text = QStringLiteral("Reworded?"); },
         C::NewVersion,
         {QStringLiteral("sections[0].questions[0].text")},
         true},
        {"choice label",
         [q](EvaluationForm &f) { q(f, 0, 2).choices[1].label = QStringLiteral("Fine"); },
         C::NewVersion,
         {QStringLiteral("sections[0].questions[2].choices[1].label")},
         true},
        {"language",
         [](EvaluationForm &f) { f.language = QStringLiteral("zh_CN"); },
         C::NewVersion,
         {QStringLiteral("language")},
         true},
        {"question weight",
         [q](EvaluationForm &f) { q(f, 0, 1).weight = 4; },
         C::NewVersion,
         {QStringLiteral("sections[0].questions[1].weight")},
         false},
        {"section weight",
         [](EvaluationForm &f) { f.sections[2].weight = 3; },
         C::NewVersion,
         {QStringLiteral("sections[2].weight")},
         false},
        {"choice points",
         [q](EvaluationForm &f) { q(f, 0, 2).choices[1].points = 3; },
         C::NewVersion,
         {QStringLiteral("sections[0].questions[2].choices[1].points")},
         false},
        {"choice fail mark",
         [q](EvaluationForm &f) { q(f, 0, 2).choices[2].fail = false; },
         C::NewVersion,
         {QStringLiteral("sections[0].questions[2].choices[2].fail")},
         false},
        {"choice added",
         [q](EvaluationForm &f) {
             q(f, 0, 2).choices.append(
                 Choice{QStringLiteral("meh"), QStringLiteral("Meh"), 1, false});
         },
         C::NewVersion,
         {QStringLiteral("sections[0].questions[2].choices")},
         false},
        {"scale",
         [q](EvaluationForm &f) { q(f, 0, 1).scaleMax = 10; },
         C::NewVersion,
         {QStringLiteral("sections[0].questions[1].scaleMax")},
         false},
        {"kind",
         [q](EvaluationForm &f) { q(f, 1, 1).kind = QuestionKind::Scale; },
         C::NewVersion,
         {QStringLiteral("sections[1].questions[1].kind")},
         false},
        {"N/A allowed",
         [q](EvaluationForm &f) { q(f, 1, 1).allowNa = true; },
         C::NewVersion,
         {QStringLiteral("sections[1].questions[1].allowNa")},
         false},
        {"critical",
         [q](EvaluationForm &f) { q(f, 1, 0).critical = false; },
         C::NewVersion,
         {QStringLiteral("sections[1].questions[0].critical")},
         false},
        {"fatal",
         [q](EvaluationForm &f) { q(f, 1, 1).fatal = true; },
         C::NewVersion,
         {QStringLiteral("sections[1].questions[1].fatal")},
         false},
        {"condition values",
         [q](EvaluationForm &f) { q(f, 2, 1).condition->anyOf.append(QStringLiteral("yes")); },
         C::NewVersion,
         {QStringLiteral("sections[2].questions[1].condition")},
         false},
        {"condition removed",
         [q](EvaluationForm &f) { q(f, 2, 2).condition.reset(); },
         C::NewVersion,
         {QStringLiteral("sections[2].questions[2].condition")},
         false},
        {"question added",
         [](EvaluationForm &f) {
             f.sections[1].questions.append(testforms::yesNo(QStringLiteral("b3")));
         },
         C::NewVersion,
         {QStringLiteral("sections[1].questions")},
         false},
        {"questions swapped",
         [](EvaluationForm &f) {
             std::swap(f.sections[1].questions[0], f.sections[1].questions[1]);
         },
         C::NewVersion,
         {QStringLiteral("sections[1].questions[0].id"),
          QStringLiteral("sections[1].questions[0].text"),
          QStringLiteral("sections[1].questions[0].critical"),
          QStringLiteral("sections[1].questions[0].allowNa"),
          QStringLiteral("sections[1].questions[1].id"),
          QStringLiteral("sections[1].questions[1].text"),
          QStringLiteral("sections[1].questions[1].allowNa"),
          QStringLiteral("sections[1].questions[1].critical")},
         false},
        {"section removed",
         [](EvaluationForm &f) { f.sections.removeLast(); },
         C::NewVersion,
         {QStringLiteral("sections")},
         false},
        {"guidance and weight",
         [q](EvaluationForm &f) {
             q(f, 0, 0).guidance = QStringLiteral("More help");
             q(f, 0, 0).weight = 2;
         },
         C::NewVersion,
         {QStringLiteral("sections[0].questions[0].guidance"),
          QStringLiteral("sections[0].questions[0].weight")},
         false},
    };
}

} // namespace

class TestFormVersioning final : public QObject
{
    Q_OBJECT

private slots:
    void decisions_data();
    void decisions();
    void nextVersionFollowsThePublishedOne();
    void anotherFormIsRefused();
};

void TestFormVersioning::decisions_data()
{
    QTest::addColumn<int>("index");
    const QVector<Case> all = cases();
    for (int i = 0; i < all.size(); ++i)
        QTest::newRow(all.at(i).name) << i;
}

void TestFormVersioning::decisions()
{
    QFETCH(int, index);
    const Case c = cases().at(index);
    const EvaluationForm published = testforms::scoringForm();
    EvaluationForm edited = published;
    c.edit(edited);
    const auto d = FormVersioning::decide(published, edited);
    QVERIFY2(d.ok(), qPrintable(d.errorMessage()));
    QCOMPARE(d->change, c.change);
    QCOMPARE(d->version, c.change == FormVersioning::Change::NewVersion ? 2 : 1);
    QStringList got = d->differences;
    QStringList expected = c.differences;
    got.sort();
    expected.sort();
    QCOMPARE(got, expected);
    QCOMPARE(FormVersioning::sameScoring(published, edited), c.sameScoring);
}

void TestFormVersioning::nextVersionFollowsThePublishedOne()
{
    EvaluationForm published = testforms::scoringForm();
    published.version = 4;
    EvaluationForm edited = published;
    edited.version = 1; // an imported file's own number does not matter
    edited.sections[0].questions[0].weight = 5;
    const auto d = FormVersioning::decide(published, edited);
    QVERIFY(d.ok());
    QCOMPARE(d->change, FormVersioning::Change::NewVersion);
    QCOMPARE(d->version, 5);

    edited = published;
    edited.sections[0].questions[0].guidance = QStringLiteral("Help");
    QCOMPARE(FormVersioning::decide(published, edited)->version, 4);
}

void TestFormVersioning::anotherFormIsRefused()
{
    const EvaluationForm published = testforms::scoringForm();
    EvaluationForm other = published;
    other.id = QStringLiteral("other-form");
    const auto d = FormVersioning::decide(published, other);
    QVERIFY(!d.ok());
    QCOMPARE(d.error().code, ErrorCode::InvalidArgument);
    QVERIFY(d.errorMessage().contains(QStringLiteral("other-form")));
}

QTEST_GUILESS_MAIN(TestFormVersioning)
#include "tst_formversioning.moc"
