#include <QTest>
class TestQaFlowSecured final : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestQaFlowSecured)
#include "tst_qaflowsecured.moc"
