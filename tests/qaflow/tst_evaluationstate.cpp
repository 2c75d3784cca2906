// The evaluation state machine's table: names stored in the catalog round-trip, and only the
// four steps of docs/qa-workflow.md are allowed (nothing leaves a final state, nothing goes
// back).
#include "qa/evaluationstate.h"

#include <QTest>

using namespace cv;

class TestEvaluationState final : public QObject
{
    Q_OBJECT

private slots:
    void namesRoundTrip();
    void onlyTheFourStepsAreAllowed();
};

void TestEvaluationState::namesRoundTrip()
{
    const QStringList states = {QStringLiteral("draft"), QStringLiteral("submitted"),
                                QStringLiteral("acknowledged"), QStringLiteral("disputed"),
                                QStringLiteral("resolved")};
    for (int i = 1; i <= 5; ++i) {
        const auto state = static_cast<EvaluationState>(i);
        QCOMPARE(evaluationStateName(state), states.at(i - 1));
        QCOMPARE(evaluationStateFromName(states.at(i - 1)), std::optional<EvaluationState>(state));
    }
    QVERIFY(!evaluationStateFromName(QStringLiteral("Draft")));
    const QStringList kinds = {QStringLiteral("submitted"), QStringLiteral("acknowledged"),
                               QStringLiteral("disputed"), QStringLiteral("resolved"),
                               QStringLiteral("rescored")};
    for (int i = 1; i <= 5; ++i) {
        const auto kind = static_cast<EvaluationEventKind>(i);
        QCOMPARE(evaluationEventKindName(kind), kinds.at(i - 1));
        QCOMPARE(evaluationEventKindFromName(kinds.at(i - 1)),
                 std::optional<EvaluationEventKind>(kind));
    }
}

void TestEvaluationState::onlyTheFourStepsAreAllowed()
{
    using S = EvaluationState;
    const QSet<QPair<int, int>> allowed = {{1, 2}, {2, 3}, {2, 4}, {4, 5}};
    for (int from = 1; from <= 5; ++from) {
        for (int to = 1; to <= 5; ++to) {
            QCOMPARE(isAllowedTransition(static_cast<S>(from), static_cast<S>(to)),
                     allowed.contains({from, to}));
        }
    }
}

QTEST_GUILESS_MAIN(TestEvaluationState)
#include "tst_evaluationstate.moc"
