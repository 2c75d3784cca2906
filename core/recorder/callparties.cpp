#include "callparties.h"

namespace cv::recorder {

QString CallParties::numberOfUri(const QString &uri)
{
    QString rest = uri.trimmed();
    if (rest.startsWith(u'<') && rest.endsWith(u'>'))
        rest = rest.mid(1, rest.size() - 2);
    const int colon = rest.indexOf(u':');
    if (colon >= 0)
        rest = rest.mid(colon + 1);
    // user@host;params or tel:number;params
    const int at = rest.indexOf(u'@');
    if (at >= 0)
        rest = rest.left(at);
    const int semicolon = rest.indexOf(u';');
    if (semicolon >= 0)
        rest = rest.left(semicolon);
    return rest;
}

CallParties CallParties::identify(const QString &callerNumber, const QString &calleeNumber,
                                  const QRegularExpression &agentPattern)
{
    const bool callerIsAgent = !callerNumber.isEmpty() && agentPattern.match(callerNumber).hasMatch();
    const bool calleeIsAgent = !calleeNumber.isEmpty() && agentPattern.match(calleeNumber).hasMatch();
    CallParties p;
    if (callerIsAgent && calleeIsAgent) {
        // Agent to agent (a transfer, a consultation): the caller is the recorded agent.
        p.direction = QStringLiteral("internal");
        p.agentId = callerNumber;
        p.customerPhone = calleeNumber;
        p.agentIsCaller = true;
    } else if (callerIsAgent) {
        p.direction = QStringLiteral("out");
        p.agentId = callerNumber;
        p.customerPhone = calleeNumber;
        p.agentIsCaller = true;
    } else {
        // Inbound, or neither number is an extension (the agent stays unknown; the customer
        // is the caller, as on a trunk).
        p.direction = QStringLiteral("in");
        p.agentId = calleeIsAgent ? calleeNumber : QString();
        p.customerPhone = callerNumber;
        p.agentIsCaller = false;
    }
    return p;
}

} // namespace cv::recorder
