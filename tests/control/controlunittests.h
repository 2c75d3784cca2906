#pragma once

#include <QObject>

// The parts of the control API that need no network: HTTP parsing and its limits, bearer
// tokens, the metrics exposition, and the router's rules (auth, routes, arguments, errors).
class TestControlUnits final : public QObject
{
    Q_OBJECT

private slots:
    void parsesRequestsInAnyPieces();
    void parserLimitsAndRefusals_data();
    void parserLimitsAndRefusals();
    void expectContinue();
    void bearerTokens();
    void metricsExposition();
    void metricsConcurrentUpdates();
    void routerRules_data();
    void routerRules();
    void routerCallFlow();
    void metricsWithoutTokenOnlyFromLoopback();
    void errorCodesMapToStatuses();
};
