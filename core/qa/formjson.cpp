#include "formjson.h"

#include "qa/formvalidator.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <cmath>

namespace cv {

namespace {

const QString kFormat = QStringLiteral("callvault-evaluation-form");

// Reads fields of untrusted JSON; the first problem wins and names its path.
class Reader
{
public:
    QString error;

    bool failed() const { return !error.isEmpty(); }

    void fail(const QString &path, const QString &what)
    {
        if (error.isEmpty())
            error = path + u": " + what;
    }

    // `path` is the object's own path ("" for the top level).
    void knownKeys(const QJsonObject &object, const QString &path, const QStringList &keys,
                   const QStringList &required)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            if (!keys.contains(it.key()))
                fail(join(path, it.key().left(FormValidator::kMaxIdLength)),
                     QStringLiteral("is not a field here"));
        for (const QString &key : required)
            if (!object.contains(key))
                fail(join(path, key), QStringLiteral("is missing"));
    }

    QString string(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue v = object.value(key);
        if (v.isUndefined())
            return QString();
        if (!v.isString())
            fail(join(path, key), QStringLiteral("must be a string"));
        return v.toString();
    }

    double number(const QJsonObject &object, const QString &path, const QString &key,
                  double fallback)
    {
        const QJsonValue v = object.value(key);
        if (v.isUndefined())
            return fallback;
        if (!v.isDouble()) {
            fail(join(path, key), QStringLiteral("must be a number"));
            return fallback;
        }
        return v.toDouble();
    }

    int integer(const QJsonObject &object, const QString &path, const QString &key, int fallback)
    {
        const QJsonValue v = object.value(key);
        if (v.isUndefined())
            return fallback;
        const double d = v.toDouble(0.5);
        if (!v.isDouble() || d != std::floor(d) || d < -1e9 || d > 1e9) {
            fail(join(path, key), QStringLiteral("must be a whole number"));
            return fallback;
        }
        return int(d);
    }

    bool boolean(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue v = object.value(key);
        if (v.isUndefined())
            return false;
        if (!v.isBool())
            fail(join(path, key), QStringLiteral("must be true or false"));
        return v.toBool();
    }

    QJsonArray array(const QJsonObject &object, const QString &path, const QString &key,
                     int maxSize)
    {
        const QJsonValue v = object.value(key);
        if (!v.isArray()) {
            fail(join(path, key), QStringLiteral("must be a list"));
            return QJsonArray();
        }
        QJsonArray a = v.toArray();
        if (a.size() > maxSize) {
            fail(join(path, key), QStringLiteral("has more than %1 entries").arg(maxSize));
            return QJsonArray();
        }
        return a;
    }

    QJsonObject object(const QJsonValue &v, const QString &path)
    {
        if (!v.isObject())
            fail(path, QStringLiteral("must be an object"));
        return v.toObject();
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + u'.' + key;
    }
};

Choice readChoice(Reader &r, const QJsonValue &value, const QString &path)
{
    const QJsonObject o = r.object(value, path);
    r.knownKeys(o, path,
                {QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("points"),
                 QStringLiteral("fail")},
                {QStringLiteral("id"), QStringLiteral("label"), QStringLiteral("points")});
    Choice c;
    c.id = r.string(o, path, QStringLiteral("id"));
    c.label = r.string(o, path, QStringLiteral("label"));
    c.points = r.number(o, path, QStringLiteral("points"), 0);
    c.fail = r.boolean(o, path, QStringLiteral("fail"));
    return c;
}

Condition readCondition(Reader &r, const QJsonValue &value, const QString &path)
{
    const QJsonObject o = r.object(value, path);
    r.knownKeys(o, path, {QStringLiteral("question"), QStringLiteral("anyOf")},
                {QStringLiteral("question"), QStringLiteral("anyOf")});
    Condition c;
    c.questionId = r.string(o, path, QStringLiteral("question"));
    const QJsonArray values =
        r.array(o, path, QStringLiteral("anyOf"), FormValidator::kMaxConditionValues);
    for (int i = 0; i < values.size(); ++i) {
        const QJsonValue v = values.at(i);
        const QString at = path + QStringLiteral(".anyOf[%1]").arg(i);
        if (v.isString()) {
            c.anyOf.append(v.toString());
        } else if (v.isDouble() && v.toDouble() == std::floor(v.toDouble()) &&
                   std::fabs(v.toDouble()) <= 1e6) {
            c.anyOf.append(QString::number(qint64(v.toDouble()))); // a scale value
        } else {
            r.fail(at, QStringLiteral("must be \"yes\", \"no\", a scale value or a choice id"));
        }
    }
    return c;
}

Question readQuestion(Reader &r, const QJsonValue &value, const QString &path)
{
    const QJsonObject o = r.object(value, path);
    r.knownKeys(o, path,
                {QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("guidance"),
                 QStringLiteral("kind"), QStringLiteral("scaleMax"), QStringLiteral("choices"),
                 QStringLiteral("weight"), QStringLiteral("allowNa"), QStringLiteral("critical"),
                 QStringLiteral("fatal"), QStringLiteral("condition")},
                {QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("kind")});
    Question q;
    q.id = r.string(o, path, QStringLiteral("id"));
    q.text = r.string(o, path, QStringLiteral("text"));
    q.guidance = r.string(o, path, QStringLiteral("guidance"));
    const QString kindName = r.string(o, path, QStringLiteral("kind"));
    const auto kind = questionKindFromName(kindName);
    if (!kind)
        r.fail(path + u".kind",
               QStringLiteral("\"%1\" is not a question kind (yesNo, scale, choice or freeText)")
                   .arg(kindName.left(FormValidator::kMaxIdLength)));
    q.kind = kind.value_or(QuestionKind::YesNo);
    if (q.kind == QuestionKind::Scale) {
        if (!o.contains(QStringLiteral("scaleMax")))
            r.fail(path + u".scaleMax", QStringLiteral("is missing (a scale question needs it)"));
        q.scaleMax = r.integer(o, path, QStringLiteral("scaleMax"), q.scaleMax);
    } else if (o.contains(QStringLiteral("scaleMax"))) {
        r.fail(path + u".scaleMax", QStringLiteral("is only for scale questions"));
    }
    if (q.kind == QuestionKind::Choice) {
        const QJsonArray choices =
            r.array(o, path, QStringLiteral("choices"), FormValidator::kMaxChoices);
        for (int i = 0; i < choices.size() && !r.failed(); ++i)
            q.choices.append(
                readChoice(r, choices.at(i), path + QStringLiteral(".choices[%1]").arg(i)));
    } else if (o.contains(QStringLiteral("choices"))) {
        r.fail(path + u".choices", QStringLiteral("only choice questions have choices"));
    }
    q.weight = r.number(o, path, QStringLiteral("weight"), 1);
    q.allowNa = r.boolean(o, path, QStringLiteral("allowNa"));
    q.critical = r.boolean(o, path, QStringLiteral("critical"));
    q.fatal = r.boolean(o, path, QStringLiteral("fatal"));
    if (o.contains(QStringLiteral("condition")))
        q.condition = readCondition(r, o.value(QStringLiteral("condition")), path + u".condition");
    return q;
}

Section readSection(Reader &r, const QJsonValue &value, const QString &path, int &questionBudget)
{
    const QJsonObject o = r.object(value, path);
    r.knownKeys(o, path,
                {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("weight"),
                 QStringLiteral("questions")},
                {QStringLiteral("id"), QStringLiteral("title"), QStringLiteral("questions")});
    Section s;
    s.id = r.string(o, path, QStringLiteral("id"));
    s.title = r.string(o, path, QStringLiteral("title"));
    s.weight = r.number(o, path, QStringLiteral("weight"), 1);
    const QJsonArray questions =
        r.array(o, path, QStringLiteral("questions"), FormValidator::kMaxQuestions);
    if (questions.size() > questionBudget) {
        r.fail(
            path + u".questions",
            QStringLiteral("a form holds at most %1 questions").arg(FormValidator::kMaxQuestions));
        return s;
    }
    questionBudget -= int(questions.size());
    for (int i = 0; i < questions.size() && !r.failed(); ++i)
        s.questions.append(
            readQuestion(r, questions.at(i), path + QStringLiteral(".questions[%1]").arg(i)));
    return s;
}

QJsonObject writeQuestion(const Question &q, const EvaluationForm &form)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), q.id);
    o.insert(QStringLiteral("text"), q.text);
    if (!q.guidance.isEmpty())
        o.insert(QStringLiteral("guidance"), q.guidance);
    o.insert(QStringLiteral("kind"), questionKindName(q.kind));
    if (q.kind == QuestionKind::Scale)
        o.insert(QStringLiteral("scaleMax"), q.scaleMax);
    if (q.kind == QuestionKind::Choice) {
        QJsonArray choices;
        for (const Choice &c : q.choices) {
            QJsonObject co;
            co.insert(QStringLiteral("id"), c.id);
            co.insert(QStringLiteral("label"), c.label);
            co.insert(QStringLiteral("points"), c.points);
            if (c.fail)
                co.insert(QStringLiteral("fail"), true);
            choices.append(co);
        }
        o.insert(QStringLiteral("choices"), choices);
    }
    o.insert(QStringLiteral("weight"), q.weight);
    if (q.allowNa)
        o.insert(QStringLiteral("allowNa"), true);
    if (q.critical)
        o.insert(QStringLiteral("critical"), true);
    if (q.fatal)
        o.insert(QStringLiteral("fatal"), true);
    if (q.condition) {
        // Scale values are written as numbers, everything else as strings.
        const Question *target = form.findQuestion(q.condition->questionId);
        const bool numeric = target && target->kind == QuestionKind::Scale;
        QJsonArray values;
        for (const QString &v : q.condition->anyOf) {
            bool isNumber = false;
            const int n = v.toInt(&isNumber);
            if (numeric && isNumber)
                values.append(n);
            else
                values.append(v);
        }
        QJsonObject co;
        co.insert(QStringLiteral("question"), q.condition->questionId);
        co.insert(QStringLiteral("anyOf"), values);
        o.insert(QStringLiteral("condition"), co);
    }
    return o;
}

} // namespace

QString FormJson::formatName()
{
    return kFormat;
}

Result<EvaluationForm> FormJson::fromJson(const QByteArray &bytes)
{
    if (bytes.size() > kMaxBytes)
        return makeError(ErrorCode::Format,
                         QStringLiteral("The evaluation form file is larger than %1 KiB; a form "
                                        "file is much smaller, so this is not one.")
                             .arg(kMaxBytes / 1024));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::Format,
                         QStringLiteral("The evaluation form file is not valid JSON (%1 at byte "
                                        "%2).")
                             .arg(parseError.errorString())
                             .arg(parseError.offset));
    return fromJsonDocument(document);
}

Result<EvaluationForm> FormJson::fromJsonDocument(const QJsonDocument &document)
{
    const auto formatError = [](const QString &where) {
        return makeError(ErrorCode::Format,
                         QStringLiteral("The evaluation form file is not valid: %1").arg(where));
    };
    if (!document.isObject())
        return formatError(QStringLiteral("the file must hold one JSON object"));
    const QJsonObject o = document.object();
    Reader r;
    // Identify the format first, so a different file gets a message that says so.
    if (o.value(QStringLiteral("format")).toString() != kFormat)
        return formatError(QStringLiteral("format: must be \"%1\"; this is not an evaluation "
                                          "form file")
                               .arg(kFormat));
    if (!o.contains(QStringLiteral("formatVersion")))
        return formatError(QStringLiteral("formatVersion: is missing"));
    const int formatVersion = r.integer(o, QString(), QStringLiteral("formatVersion"), 0);
    if (!r.failed() && formatVersion != kFormatVersion)
        return formatError(QStringLiteral("formatVersion: %1 is not supported; this version of "
                                          "CallVault reads format version %2")
                               .arg(formatVersion)
                               .arg(kFormatVersion));
    r.knownKeys(o, QString(),
                {QStringLiteral("format"), QStringLiteral("formatVersion"), QStringLiteral("id"),
                 QStringLiteral("version"), QStringLiteral("title"), QStringLiteral("language"),
                 QStringLiteral("description"), QStringLiteral("sections")},
                {QStringLiteral("formatVersion"), QStringLiteral("id"), QStringLiteral("version"),
                 QStringLiteral("title"), QStringLiteral("language"), QStringLiteral("sections")});
    EvaluationForm form;
    form.id = r.string(o, QString(), QStringLiteral("id"));
    form.version = r.integer(o, QString(), QStringLiteral("version"), 1);
    form.title = r.string(o, QString(), QStringLiteral("title"));
    form.language = r.string(o, QString(), QStringLiteral("language"));
    form.description = r.string(o, QString(), QStringLiteral("description"));
    const QJsonArray sections =
        r.array(o, QString(), QStringLiteral("sections"), FormValidator::kMaxSections);
    int questionBudget = FormValidator::kMaxQuestions;
    for (int i = 0; i < sections.size() && !r.failed(); ++i)
        form.sections.append(
            readSection(r, sections.at(i), QStringLiteral("sections[%1]").arg(i), questionBudget));
    if (r.failed())
        return formatError(r.error);
    auto valid = FormValidator::validate(form);
    if (!valid)
        return valid.error();
    return form;
}

QJsonDocument FormJson::toJsonDocument(const EvaluationForm &form)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), kFormat);
    o.insert(QStringLiteral("formatVersion"), kFormatVersion);
    o.insert(QStringLiteral("id"), form.id);
    o.insert(QStringLiteral("version"), form.version);
    o.insert(QStringLiteral("title"), form.title);
    o.insert(QStringLiteral("language"), form.language);
    if (!form.description.isEmpty())
        o.insert(QStringLiteral("description"), form.description);
    QJsonArray sections;
    for (const Section &s : form.sections) {
        QJsonObject so;
        so.insert(QStringLiteral("id"), s.id);
        so.insert(QStringLiteral("title"), s.title);
        so.insert(QStringLiteral("weight"), s.weight);
        QJsonArray questions;
        for (const Question &q : s.questions)
            questions.append(writeQuestion(q, form));
        so.insert(QStringLiteral("questions"), questions);
        sections.append(so);
    }
    o.insert(QStringLiteral("sections"), sections);
    return QJsonDocument(o);
}

QByteArray FormJson::toJson(const EvaluationForm &form)
{
    return toJsonDocument(form).toJson(QJsonDocument::Indented);
}

} // namespace cv
