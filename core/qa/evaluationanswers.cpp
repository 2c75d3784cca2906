#include "evaluationanswers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace cv {

namespace {

const QString kFormatName = QStringLiteral("callvault-evaluation-answers");
constexpr qint64 kMaxOffsetMs = qint64(48) * 3600 * 1000; // no call is longer than two days
constexpr int kMaxIdLength = 64;

QString kindName(Answer::Kind kind)
{
    switch (kind) {
    case Answer::Kind::Yes:
        return QStringLiteral("yes");
    case Answer::Kind::No:
        return QStringLiteral("no");
    case Answer::Kind::Scale:
        return QStringLiteral("scale");
    case Answer::Kind::Choice:
        return QStringLiteral("choice");
    case Answer::Kind::Text:
        return QStringLiteral("text");
    case Answer::Kind::NotApplicable:
        break;
    }
    return QStringLiteral("na");
}

std::optional<Answer::Kind> kindFromName(const QString &name)
{
    for (Answer::Kind kind : {Answer::Kind::Yes, Answer::Kind::No, Answer::Kind::Scale, Answer::Kind::Choice,
                              Answer::Kind::Text, Answer::Kind::NotApplicable})
        if (kindName(kind) == name)
            return kind;
    return std::nullopt;
}

Error formatError(const QString &path, const QString &what)
{
    return makeError(ErrorCode::Format, QStringLiteral("Stored evaluation answers, %1: %2").arg(path, what));
}

Result<void> onlyKnownFields(const QJsonObject &o, const QString &path, const QSet<QString> &known)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            return formatError(path, QStringLiteral("unknown field \"%1\"").arg(it.key().left(kMaxIdLength)));
    return {};
}

Result<QString> optionalText(const QJsonObject &o, const QString &path, const QString &field)
{
    const QJsonValue v = o.value(field);
    if (v.isUndefined())
        return QString();
    if (!v.isString())
        return formatError(path + u'.' + field, QStringLiteral("not a string"));
    if (v.toString().size() > EvaluationAnswers::kMaxTextLength)
        return formatError(path + u'.' + field,
                           QStringLiteral("longer than %1 characters").arg(EvaluationAnswers::kMaxTextLength));
    return v.toString();
}

Result<AnswerNote> readNote(const QJsonObject &o, const QString &path)
{
    AnswerNote note;
    auto comment = optionalText(o, path, QStringLiteral("comment"));
    if (!comment)
        return comment.error();
    note.comment = comment.value();
    const QJsonValue at = o.value(QStringLiteral("atMs"));
    if (!at.isUndefined()) {
        const double ms = at.toDouble(-1);
        if (!at.isDouble() || ms < 0 || ms > double(kMaxOffsetMs) || ms != double(qint64(ms)))
            return formatError(path + u".atMs", QStringLiteral("not a whole number of milliseconds into the call"));
        note.atMs = qint64(ms);
    }
    return note;
}

// An entry without "kind" is a note on a question not answered yet.
Result<std::optional<Answer>> readAnswer(const QJsonObject &o, const QString &path)
{
    if (!o.contains(QStringLiteral("kind"))) {
        if (o.contains(QStringLiteral("value")))
            return formatError(path + u".value", QStringLiteral("a value without a kind"));
        return std::optional<Answer>();
    }
    const auto kind = kindFromName(o.value(QStringLiteral("kind")).toString());
    if (!kind)
        return formatError(path + u".kind", QStringLiteral("not one of yes, no, scale, choice, text, na"));
    Answer answer;
    answer.kind = *kind;
    const QJsonValue value = o.value(QStringLiteral("value"));
    switch (*kind) {
    case Answer::Kind::Scale:
        if (!value.isDouble() || value.toDouble() != double(value.toInt()) || value.toInt() < 1 || value.toInt() > 100)
            return formatError(path + u".value", QStringLiteral("a scale answer is a whole number from 1 to 100"));
        answer.scaleValue = value.toInt();
        break;
    case Answer::Kind::Choice:
    case Answer::Kind::Text: {
        if (!value.isString())
            return formatError(path + u".value", QStringLiteral("not a string"));
        const int max = *kind == Answer::Kind::Choice ? kMaxIdLength : EvaluationAnswers::kMaxTextLength;
        if (value.toString().size() > max || (*kind == Answer::Kind::Choice && value.toString().isEmpty()))
            return formatError(path + u".value", QStringLiteral("empty or too long"));
        answer.value = value.toString();
        break;
    }
    default:
        if (!value.isUndefined())
            return formatError(path + u".value", QStringLiteral("a %1 answer has no value").arg(kindName(*kind)));
    }
    return std::optional<Answer>(answer);
}

} // namespace

QByteArray EvaluationAnswers::toJson() const
{
    QJsonObject answersObject;
    for (auto it = answers.cbegin(); it != answers.cend(); ++it) {
        QJsonObject a;
        a.insert(QStringLiteral("kind"), kindName(it->kind));
        if (it->kind == Answer::Kind::Scale)
            a.insert(QStringLiteral("value"), it->scaleValue);
        else if (it->kind == Answer::Kind::Choice || it->kind == Answer::Kind::Text)
            a.insert(QStringLiteral("value"), it->value);
        answersObject.insert(it.key(), a);
    }
    for (auto it = notes.cbegin(); it != notes.cend(); ++it) {
        if (it->isEmpty())
            continue;
        QJsonObject a = answersObject.value(it.key()).toObject();
        if (!it->comment.isEmpty())
            a.insert(QStringLiteral("comment"), it->comment);
        if (it->atMs)
            a.insert(QStringLiteral("atMs"), double(*it->atMs));
        answersObject.insert(it.key(), a);
    }
    QJsonObject o;
    o.insert(QStringLiteral("format"), kFormatName);
    o.insert(QStringLiteral("formatVersion"), kFormatVersion);
    o.insert(QStringLiteral("formId"), formId);
    o.insert(QStringLiteral("formVersion"), formVersion);
    if (!comment.isEmpty())
        o.insert(QStringLiteral("comment"), comment);
    o.insert(QStringLiteral("answers"), answersObject);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<EvaluationAnswers> EvaluationAnswers::fromJson(const QByteArray &json)
{
    if (json.size() > kMaxBytes)
        return formatError(QStringLiteral("$"), QStringLiteral("larger than %1 bytes").arg(kMaxBytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return formatError(QStringLiteral("$"), QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    if (auto known = onlyKnownFields(o, QStringLiteral("$"),
                                     {QStringLiteral("format"), QStringLiteral("formatVersion"), QStringLiteral("formId"),
                                      QStringLiteral("formVersion"), QStringLiteral("comment"),
                                      QStringLiteral("answers")});
        !known)
        return known.error();
    if (o.value(QStringLiteral("format")).toString() != kFormatName)
        return formatError(QStringLiteral("format"), QStringLiteral("not \"%1\"").arg(kFormatName));
    if (o.value(QStringLiteral("formatVersion")).toInt() != kFormatVersion)
        return formatError(QStringLiteral("formatVersion"), QStringLiteral("this program reads version %1").arg(kFormatVersion));
    EvaluationAnswers result;
    result.formId = o.value(QStringLiteral("formId")).toString();
    if (result.formId.isEmpty() || result.formId.size() > kMaxIdLength)
        return formatError(QStringLiteral("formId"), QStringLiteral("missing or too long"));
    const QJsonValue version = o.value(QStringLiteral("formVersion"));
    if (!version.isDouble() || version.toInt() < 1 || version.toDouble() != double(version.toInt()))
        return formatError(QStringLiteral("formVersion"), QStringLiteral("not a version number"));
    result.formVersion = version.toInt();
    auto comment = optionalText(o, QStringLiteral("$"), QStringLiteral("comment"));
    if (!comment)
        return comment.error();
    result.comment = comment.value();
    const QJsonValue answers = o.value(QStringLiteral("answers"));
    if (!answers.isObject())
        return formatError(QStringLiteral("answers"), QStringLiteral("not an object"));
    const QJsonObject answersObject = answers.toObject();
    if (answersObject.size() > kMaxAnswers)
        return formatError(QStringLiteral("answers"), QStringLiteral("more than %1 answers").arg(kMaxAnswers));
    for (auto it = answersObject.begin(); it != answersObject.end(); ++it) {
        const QString path = QStringLiteral("answers.") + it.key().left(kMaxIdLength);
        if (it.key().isEmpty() || it.key().size() > kMaxIdLength)
            return formatError(path, QStringLiteral("a question id is 1 to %1 characters").arg(kMaxIdLength));
        if (!it.value().isObject())
            return formatError(path, QStringLiteral("not an object"));
        const QJsonObject entry = it.value().toObject();
        if (auto known = onlyKnownFields(entry, path, {QStringLiteral("kind"), QStringLiteral("value"),
                                                       QStringLiteral("comment"), QStringLiteral("atMs")});
            !known)
            return known.error();
        auto answer = readAnswer(entry, path);
        if (!answer)
            return answer.error();
        auto note = readNote(entry, path);
        if (!note)
            return note.error();
        if (!answer.value() && note->isEmpty())
            return formatError(path, QStringLiteral("neither an answer nor a note"));
        if (answer.value())
            result.answers.insert(it.key(), *answer.value());
        if (!note->isEmpty())
            result.notes.insert(it.key(), note.value());
    }
    return result;
}

} // namespace cv
