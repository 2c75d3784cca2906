#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QPair>
#include <QString>
#include <QVector>

namespace cv::control {

// An HTTP response of the control API. Every error carries a JSON body of the form
//   {"error": {"code": "not_found", "message": "no active call with Call-ID \"abc\""}}
// so that scripts (a PBX dialplan, Ansible, a CRM hook) can show the message as it is.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    // Extra headers (WWW-Authenticate, Allow, ...). Content-Type, Content-Length, Date,
    // Connection and the fixed security headers are added by serialize().
    QVector<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(int status, const QJsonObject &object);
    // code: a stable machine-readable word ("not_found"); message: English, for a person.
    static HttpResponse error(int status, const QByteArray &code, const QString &message);
    static QByteArray reasonPhrase(int status);
    // The machine-readable error word that goes with a status ("bad_request", ...).
    static QByteArray errorCodeFor(int status);

    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
    // Status line, headers and body. keepAlive false adds "Connection: close".
    QByteArray serialize(bool keepAlive) const;
};

} // namespace cv::control
