// FormJson and FormValidator (core/qa): the JSON form format round-trips, and every kind of
// bad input (untrusted import files) is refused with an error naming the place. Each error
// case starts from the JSON of testforms::scoringForm() and changes one thing:
//   sections[0] a: a1 yes/no, a2 scale 1..5, a3 choice (good 4 / ok 2 / bad 0 fail)
//   sections[1] b: b1 yes/no critical, b2 yes/no
//   sections[2] c: c1 yes/no fatal, c2 yes/no if a1 = no, c3 scale 1..4 if c2 = yes, c4 text
#include "qa/formjson.h"
#include "qa/formvalidator.h"
#include "qatestforms.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace cv;

namespace {

QJsonObject base()
{
    return FormJson::toJsonDocument(testforms::scoringForm()).object();
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Sets (or, with an undefined value, removes) a key of an object inside `o`.
void set(QJsonObject &o, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        o.remove(key);
    else
        o.insert(key, value);
}

QByteArray top(const QString &key, const QJsonValue &value)
{
    QJsonObject o = base();
    set(o, key, value);
    return bytes(o);
}

QByteArray sectionField(int s, const QString &key, const QJsonValue &value)
{
    QJsonObject o = base();
    QJsonArray sections = o.value(QStringLiteral("sections")).toArray();
    QJsonObject section = sections.at(s).toObject();
    set(section, key, value);
    sections.replace(s, section);
    o.insert(QStringLiteral("sections"), sections);
    return bytes(o);
}

QJsonObject questionObject(const QJsonObject &o, int s, int q)
{
    return o.value(QStringLiteral("sections"))
        .toArray()
        .at(s)
        .toObject()
        .value(QStringLiteral("questions"))
        .toArray()
        .at(q)
        .toObject();
}

QJsonObject withQuestionObject(QJsonObject o, int s, int q, const QJsonObject &question)
{
    QJsonArray sections = o.value(QStringLiteral("sections")).toArray();
    QJsonObject section = sections.at(s).toObject();
    QJsonArray questions = section.value(QStringLiteral("questions")).toArray();
    questions.replace(q, question);
    section.insert(QStringLiteral("questions"), questions);
    sections.replace(s, section);
    o.insert(QStringLiteral("sections"), sections);
    return o;
}

QJsonObject questionFieldObject(const QJsonObject &o, int s, int q, const QString &key,
                                const QJsonValue &value)
{
    QJsonObject question = questionObject(o, s, q);
    set(question, key, value);
    return withQuestionObject(o, s, q, question);
}

QByteArray questionField(int s, int q, const QString &key, const QJsonValue &value)
{
    return bytes(questionFieldObject(base(), s, q, key, value));
}

QByteArray condition(int s, int q, const QString &questionId, const QJsonArray &anyOf)
{
    QJsonObject c;
    c.insert(QStringLiteral("question"), questionId);
    c.insert(QStringLiteral("anyOf"), anyOf);
    return questionField(s, q, QStringLiteral("condition"), c);
}

QByteArray choiceField(int c, const QString &key, const QJsonValue &value)
{
    QJsonObject o = base();
    QJsonObject question = questionObject(o, 0, 2);
    QJsonArray choices = question.value(QStringLiteral("choices")).toArray();
    QJsonObject ch = choices.at(c).toObject();
    set(ch, key, value);
    choices.replace(c, ch);
    question.insert(QStringLiteral("choices"), choices);
    return bytes(withQuestionObject(o, 0, 2, question));
}

QJsonObject simpleQuestion(const QString &id, const QString &kind)
{
    QJsonObject q;
    q.insert(QStringLiteral("id"), id);
    q.insert(QStringLiteral("text"), QString(QStringLiteral("Question ") + id));
    q.insert(QStringLiteral("kind"), kind);
    return q;
}

QByteArray withSections(int sections, int questionsEach, const QString &kind)
{
    QJsonArray list;
    int n = 0;
    for (int s = 0; s < sections; ++s) {
        QJsonArray questions;
        for (int q = 0; q < questionsEach; ++q)
            questions.append(simpleQuestion(QStringLiteral("q%1").arg(n++), kind));
        QJsonObject section;
        section.insert(QStringLiteral("id"), QStringLiteral("s%1").arg(s));
        section.insert(QStringLiteral("title"), QStringLiteral("Section %1").arg(s));
        section.insert(QStringLiteral("questions"), questions);
        list.append(section);
    }
    return top(QStringLiteral("sections"), list);
}

const QJsonValue kRemove = QJsonValue(QJsonValue::Undefined);

} // namespace

class TestFormJson final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void minimalFormGetsDefaults();
    void scaleConditionValuesAreNumbers();
    void refused_data();
    void refused();
    void validatorListsEveryProblem();
    void schemaMatchesTheFormat();
};

void TestFormJson::roundTrip()
{
    const EvaluationForm form = testforms::scoringForm();
    const QByteArray json = FormJson::toJson(form);
    const auto back = FormJson::fromJson(json);
    QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
    QVERIFY(back.value() == form);
    QCOMPARE(FormJson::toJson(back.value()), json);

    // Texts outside ASCII, guidance with line breaks, fractional weights and points.
    EvaluationForm rich = form;
    rich.title = QStringLiteral("通用服务质量评估 😀");
    rich.description = QStringLiteral("第一行\n第二行");
    rich.sections[0].questions[0].guidance = QStringLiteral("“引号”\tand a tab\r\n");
    rich.sections[0].weight = 0.125;
    rich.sections[0].questions[2].choices[1].points = 2.5;
    const auto richBack = FormJson::fromJson(FormJson::toJson(rich));
    QVERIFY2(richBack.ok(), qPrintable(richBack.errorMessage()));
    QVERIFY(richBack.value() == rich);
}

void TestFormJson::minimalFormGetsDefaults()
{
    const QByteArray json = R"({
        "format": "callvault-evaluation-form", "formatVersion": 1,
        "id": "mini", "version": 3, "title": "Mini", "language": "zh_CN",
        "sections": [{"id": "s", "title": "S", "questions": [
            {"id": "q", "text": "Q?", "kind": "yesNo"}]}]})";
    const auto form = FormJson::fromJson(json);
    QVERIFY2(form.ok(), qPrintable(form.errorMessage()));
    QCOMPARE(form->version, 3);
    QCOMPARE(form->language, QStringLiteral("zh_CN"));
    QVERIFY(form->description.isEmpty());
    QCOMPARE(form->sections.at(0).weight, 1.0);
    const Question &q = form->sections.at(0).questions.at(0);
    QCOMPARE(q.weight, 1.0);
    QVERIFY(!q.allowNa && !q.critical && !q.fatal && !q.condition && q.guidance.isEmpty());
}

void TestFormJson::scaleConditionValuesAreNumbers()
{
    // A condition on a scale question is written with numbers and read from numbers or
    // digit strings alike.
    const QByteArray json = condition(2, 1, QStringLiteral("a2"), {1, QStringLiteral("2")});
    const auto form = FormJson::fromJson(json);
    QVERIFY2(form.ok(), qPrintable(form.errorMessage()));
    const Condition c = *form->sections.at(2).questions.at(1).condition;
    QCOMPARE(c.anyOf, QStringList({QStringLiteral("1"), QStringLiteral("2")}));
    const QJsonObject written = FormJson::toJsonDocument(form.value()).object();
    QCOMPARE(questionObject(written, 2, 1)
                 .value(QStringLiteral("condition"))
                 .toObject()
                 .value(QStringLiteral("anyOf"))
                 .toArray(),
             QJsonArray({1, 2}));
}

void TestFormJson::refused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("code"); // ErrorCode
    QTest::addColumn<QString>("message");
    const int format = int(ErrorCode::Format);
    const int invalid = int(ErrorCode::InvalidArgument);
    const QString notFree = QStringLiteral("a free-text question is not scored");

    // The file as a whole.
    QTest::newRow("not JSON") << QByteArray("{\"format\": ") << format
                              << QStringLiteral("is not valid JSON");
    QTest::newRow("an array") << QByteArray("[]") << format
                              << QStringLiteral("must hold one JSON object");
    QTest::newRow("too large") << QByteArray(FormJson::kMaxBytes + 1, ' ') << format
                               << QStringLiteral("larger than 1024 KiB");
    QTest::newRow("another format")
        << top(QStringLiteral("format"), QStringLiteral("x")) << format
        << QStringLiteral("format: must be \"callvault-evaluation-form\"");
    QTest::newRow("newer format version") << top(QStringLiteral("formatVersion"), 2) << format
                                          << QStringLiteral("formatVersion: 2 is not supported");
    QTest::newRow("no format version") << top(QStringLiteral("formatVersion"), kRemove) << format
                                       << QStringLiteral("formatVersion: is missing");
    QTest::newRow("unknown field") << top(QStringLiteral("author"), QStringLiteral("me")) << format
                                   << QStringLiteral("author: is not a field here");
    QTest::newRow("missing title")
        << top(QStringLiteral("title"), kRemove) << format << QStringLiteral("title: is missing");
    QTest::newRow("title not a string")
        << top(QStringLiteral("title"), 5) << format << QStringLiteral("title: must be a string");
    QTest::newRow("empty title") << top(QStringLiteral("title"), QStringLiteral("  ")) << invalid
                                 << QStringLiteral("title: is empty");
    QTest::newRow("control character")
        << top(QStringLiteral("title"),
               QString(QStringLiteral("a") + QChar(7) + QStringLiteral("b")))
        << invalid << QStringLiteral("title: contains a control character");
    QTest::newRow("line break in a title")
        << top(QStringLiteral("title"), QStringLiteral("a\nb")) << invalid
        << QStringLiteral("title: contains a control character");
    QTest::newRow("bad id") << top(QStringLiteral("id"), QStringLiteral("Bad Id")) << invalid
                            << QStringLiteral("id: \"Bad Id\" is not an id");
    QTest::newRow("version 0") << top(QStringLiteral("version"), 0) << invalid
                               << QStringLiteral("version: must be from 1 to 1000000");
    QTest::newRow("fractional version") << top(QStringLiteral("version"), 1.5) << format
                                        << QStringLiteral("version: must be a whole number");
    QTest::newRow("bad language") << top(QStringLiteral("language"), QStringLiteral("english"))
                                  << invalid << QStringLiteral("language: must be a language code");
    QTest::newRow("description too long")
        << top(QStringLiteral("description"), QString(4001, u'x')) << invalid
        << QStringLiteral("description: is longer than 4000 characters");

    // Sections.
    QTest::newRow("no sections") << top(QStringLiteral("sections"), QJsonArray()) << invalid
                                 << QStringLiteral("sections: a form needs 1 to 50 sections");
    QTest::newRow("sections not a list") << top(QStringLiteral("sections"), QJsonObject()) << format
                                         << QStringLiteral("sections: must be a list");
    QTest::newRow("too many sections") << withSections(51, 1, QStringLiteral("yesNo")) << format
                                       << QStringLiteral("sections: has more than 50 entries");
    QTest::newRow("too many questions in a section")
        << withSections(1, 201, QStringLiteral("yesNo")) << format
        << QStringLiteral("sections[0].questions: has more than 200 entries");
    QTest::newRow("too many questions in the form")
        << withSections(2, 101, QStringLiteral("yesNo")) << format
        << QStringLiteral("sections[1].questions: a form holds at most 200 questions");
    QTest::newRow("section not an object")
        << top(QStringLiteral("sections"), QJsonArray{1}) << format
        << QStringLiteral("sections[0]: must be an object");
    QTest::newRow("section weight 0")
        << sectionField(1, QStringLiteral("weight"), 0) << invalid
        << QStringLiteral("sections[1].weight: must be a number above 0");
    QTest::newRow("negative section weight")
        << sectionField(1, QStringLiteral("weight"), -2) << invalid
        << QStringLiteral("sections[1].weight: must be a number above 0");
    QTest::newRow("huge section weight")
        << sectionField(1, QStringLiteral("weight"), 1e300) << invalid
        << QStringLiteral("sections[1].weight: must be a number above 0 and at most 1000");
    QTest::newRow("section weight as text")
        << sectionField(1, QStringLiteral("weight"), QStringLiteral("2")) << format
        << QStringLiteral("sections[1].weight: must be a number");
    QTest::newRow("empty section")
        << sectionField(1, QStringLiteral("questions"), QJsonArray()) << invalid
        << QStringLiteral("sections[1].questions: a section needs at least one question");
    QTest::newRow("duplicate section id")
        << sectionField(1, QStringLiteral("id"), QStringLiteral("a")) << invalid
        << QStringLiteral("sections[1].id: \"a\" is used by another section");
    QTest::newRow("only free text") << withSections(1, 2, QStringLiteral("freeText")) << invalid
                                    << QStringLiteral("a form needs at least one scored");

    // Questions.
    QTest::newRow("unknown kind")
        << questionField(0, 0, QStringLiteral("kind"), QStringLiteral("stars")) << format
        << QStringLiteral("sections[0].questions[0].kind: \"stars\" is not a question kind");
    QTest::newRow("missing kind") << questionField(0, 0, QStringLiteral("kind"), kRemove) << format
                                  << QStringLiteral("sections[0].questions[0].kind: is missing");
    QTest::newRow("misspelt field")
        << questionField(1, 0, QStringLiteral("critcal"), true) << format
        << QStringLiteral("sections[1].questions[0].critcal: is not a field here");
    QTest::newRow("flag as text")
        << questionField(1, 0, QStringLiteral("critical"), QStringLiteral("yes")) << format
        << QStringLiteral("sections[1].questions[0].critical: must be true or false");
    QTest::newRow("duplicate question id")
        << questionField(1, 1, QStringLiteral("id"), QStringLiteral("a1")) << invalid
        << QStringLiteral("sections[1].questions[1].id: \"a1\" is used by another question "
                          "(sections[0].questions[0])");
    QTest::newRow("question weight 0")
        << questionField(0, 1, QStringLiteral("weight"), 0) << invalid
        << QStringLiteral("sections[0].questions[1].weight: must be a number above 0");
    QTest::newRow("empty text") << questionField(0, 0, QStringLiteral("text"), QString()) << invalid
                                << QStringLiteral("sections[0].questions[0].text: is empty");
    QTest::newRow("text too long")
        << questionField(0, 0, QStringLiteral("text"), QString(1001, u'x')) << invalid
        << QStringLiteral("sections[0].questions[0].text: is longer than 1000 characters");
    QTest::newRow("scale of 11") << questionField(0, 1, QStringLiteral("scaleMax"), 11) << invalid
                                 << QStringLiteral(
                                        "sections[0].questions[1].scaleMax: must be from 2 to 10");
    QTest::newRow("scale of 1") << questionField(0, 1, QStringLiteral("scaleMax"), 1) << invalid
                                << QStringLiteral(
                                       "sections[0].questions[1].scaleMax: must be from 2 to 10");
    QTest::newRow("scale without scaleMax")
        << questionField(0, 1, QStringLiteral("scaleMax"), kRemove) << format
        << QStringLiteral("sections[0].questions[1].scaleMax: is missing");
    QTest::newRow("scaleMax on yes/no")
        << questionField(0, 0, QStringLiteral("scaleMax"), 5) << format
        << QStringLiteral("sections[0].questions[0].scaleMax: is only for scale questions");
    QTest::newRow("choices on yes/no")
        << questionField(0, 0, QStringLiteral("choices"), QJsonArray()) << format
        << QStringLiteral("sections[0].questions[0].choices: only choice questions have choices");
    QTest::newRow("critical and fatal")
        << questionField(1, 0, QStringLiteral("fatal"), true) << invalid
        << QStringLiteral("sections[1].questions[0]: a question is either critical");
    QTest::newRow("critical free text")
        << questionField(2, 3, QStringLiteral("critical"), true) << invalid
        << QStringLiteral("sections[2].questions[3]: ") + notFree;
    QTest::newRow("N/A on free text")
        << questionField(2, 3, QStringLiteral("allowNa"), true) << invalid
        << QStringLiteral("sections[2].questions[3]: ") + notFree;

    // Choices.
    QJsonObject oneChoice = base();
    {
        QJsonObject q = questionObject(oneChoice, 0, 2);
        QJsonArray choices = q.value(QStringLiteral("choices")).toArray();
        q.insert(QStringLiteral("choices"), QJsonArray{choices.at(0)});
        oneChoice = withQuestionObject(oneChoice, 0, 2, q);
    }
    QTest::newRow("one choice")
        << bytes(oneChoice) << invalid
        << QStringLiteral(
               "sections[0].questions[2].choices: a choice question needs 2 to 20 choices");
    QTest::newRow("choice not an object")
        << questionField(0, 2, QStringLiteral("choices"), QJsonArray{QStringLiteral("good")})
        << format << QStringLiteral("sections[0].questions[2].choices[0]: must be an object");
    QTest::newRow("duplicate choice id")
        << choiceField(1, QStringLiteral("id"), QStringLiteral("good")) << invalid
        << QStringLiteral(
               "sections[0].questions[2].choices[1].id: \"good\" is used by another choice");
    QTest::newRow("negative points")
        << choiceField(0, QStringLiteral("points"), -1) << invalid
        << QStringLiteral(
               "sections[0].questions[2].choices[0].points: must be a number from 0 to 1000");
    QTest::newRow("missing label")
        << choiceField(0, QStringLiteral("label"), kRemove) << format
        << QStringLiteral("sections[0].questions[2].choices[0].label: is missing");
    QJsonObject noPoints = base();
    {
        QJsonObject q = questionObject(noPoints, 0, 2);
        QJsonArray choices = q.value(QStringLiteral("choices")).toArray();
        for (int i = 0; i < choices.size(); ++i) {
            QJsonObject c = choices.at(i).toObject();
            c.insert(QStringLiteral("points"), 0);
            choices.replace(i, c);
        }
        q.insert(QStringLiteral("choices"), choices);
        noPoints = withQuestionObject(noPoints, 0, 2, q);
    }
    QTest::newRow("no choice gives points")
        << bytes(noPoints) << invalid
        << QStringLiteral("sections[0].questions[2].choices: at least one choice must give more "
                          "than 0 points");
    QJsonObject cannotFail = questionFieldObject(
        QJsonDocument::fromJson(choiceField(2, QStringLiteral("fail"), kRemove)).object(), 0, 2,
        QStringLiteral("critical"), true);
    QTest::newRow("critical choice that cannot fail")
        << bytes(cannotFail) << invalid
        << QStringLiteral("sections[0].questions[2].choices: a critical or fatal choice question "
                          "needs a choice marked \"fail\"");

    // Conditions.
    QTest::newRow("condition on a later question")
        << condition(1, 1, QStringLiteral("c1"), {QStringLiteral("yes")}) << invalid
        << QStringLiteral("sections[1].questions[1].condition.question: refers to a later question "
                          "\"c1\"; a condition can only depend on an earlier question");
    QTest::newRow("condition on itself")
        << condition(2, 1, QStringLiteral("c2"), {QStringLiteral("yes")}) << invalid
        << QStringLiteral(
               "sections[2].questions[1].condition.question: refers to its own question \"c2\"");
    QTest::newRow("condition on an unknown question")
        << condition(2, 1, QStringLiteral("zz"), {QStringLiteral("yes")}) << invalid
        << QStringLiteral(
               "sections[2].questions[1].condition.question: refers to an unknown question \"zz\"");
    QByteArray onFreeText;
    {
        QJsonObject o =
            questionFieldObject(base(), 0, 0, QStringLiteral("kind"), QStringLiteral("freeText"));
        onFreeText = bytes(o);
    }
    QTest::newRow("condition on free text")
        << onFreeText << invalid
        << QStringLiteral("sections[2].questions[1].condition.question: refers to the free-text "
                          "question \"a1\"");
    QTest::newRow("condition value not an answer")
        << condition(2, 1, QStringLiteral("a1"), {QStringLiteral("maybe")}) << invalid
        << QStringLiteral("sections[2].questions[1].condition.anyOf[0]: \"maybe\" is not an answer "
                          "of question \"a1\"");
    QTest::newRow("condition scale value out of range")
        << condition(2, 1, QStringLiteral("a2"), {6}) << invalid
        << QStringLiteral("sections[2].questions[1].condition.anyOf[0]: \"6\" is not an answer of "
                          "question \"a2\"");
    QTest::newRow("condition unknown choice")
        << condition(2, 1, QStringLiteral("a3"), {QStringLiteral("great")}) << invalid
        << QStringLiteral("sections[2].questions[1].condition.anyOf[0]: \"great\" is not an answer "
                          "of question \"a3\"");
    QTest::newRow("condition without values")
        << condition(2, 1, QStringLiteral("a1"), {}) << invalid
        << QStringLiteral("sections[2].questions[1].condition.anyOf: needs 1 to 20 answers");
    QTest::newRow("condition value twice")
        << condition(2, 1, QStringLiteral("a1"), {QStringLiteral("no"), QStringLiteral("no")})
        << invalid
        << QStringLiteral("sections[2].questions[1].condition.anyOf[1]: \"no\" is listed twice");
    QTest::newRow("condition value of the wrong type")
        << condition(2, 1, QStringLiteral("a1"), {true}) << format
        << QStringLiteral("sections[2].questions[1].condition.anyOf[0]: must be");
    QTest::newRow("condition not an object")
        << questionField(2, 1, QStringLiteral("condition"), QStringLiteral("a1 = no")) << format
        << QStringLiteral("sections[2].questions[1].condition: must be an object");
}

void TestFormJson::refused()
{
    QFETCH(QByteArray, json);
    QFETCH(int, code);
    QFETCH(QString, message);
    const auto form = FormJson::fromJson(json);
    QVERIFY(!form.ok());
    QVERIFY2(form.errorMessage().contains(message), qPrintable(form.errorMessage()));
    QCOMPARE(int(form.error().code), code);
}

void TestFormJson::validatorListsEveryProblem()
{
    EvaluationForm form = testforms::scoringForm();
    form.sections[0].weight = 0;
    form.sections[1].questions[1].id = QStringLiteral("a1");
    form.sections[2].questions[1].condition->questionId = QStringLiteral("c3");
    const QStringList problems = FormValidator::problems(form);
    QCOMPARE(problems.size(), 3);
    QVERIFY(problems.at(0).startsWith(QStringLiteral("sections[0].weight: ")));
    QVERIFY(problems.at(1).startsWith(QStringLiteral("sections[1].questions[1].id: ")));
    QVERIFY(
        problems.at(2).startsWith(QStringLiteral("sections[2].questions[1].condition.question: ")));
    const auto first = FormValidator::validate(form);
    QVERIFY(!first.ok());
    QCOMPARE(first.error().code, ErrorCode::InvalidArgument);
    QVERIFY(first.errorMessage().contains(problems.at(0)));
    QVERIFY(FormValidator::validate(testforms::scoringForm()).ok());
}

// docs/schemas/evaluation-form.schema.json describes what FormJson writes and reads: the
// same fields at every level, the same kinds, and every field it requires is one the reader
// cannot do without.
void TestFormJson::schemaMatchesTheFormat()
{
    const QString path = QFINDTESTDATA("../../docs/schemas/evaluation-form.schema.json");
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QJsonObject schema = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject defs = schema.value(QStringLiteral("$defs")).toObject();
    const auto properties = [](const QJsonObject &o) {
        QStringList keys = o.value(QStringLiteral("properties")).toObject().keys();
        keys.sort();
        return keys;
    };
    const auto required = [](const QJsonObject &o) {
        QStringList keys;
        for (const QJsonValue v : o.value(QStringLiteral("required")).toArray())
            keys << v.toString();
        return keys;
    };

    // Every optional field set somewhere, so the writer writes every field.
    EvaluationForm form = testforms::scoringForm();
    form.description = QStringLiteral("All fields");
    form.sections[0].questions[0].guidance = QStringLiteral("Help");
    form.sections[0].questions[2].fatal = true;
    const QJsonObject written = FormJson::toJsonDocument(form).object();
    const auto keysOf = [](const QJsonObject &o) {
        QStringList keys = o.keys();
        keys.sort();
        return keys;
    };
    QSet<QString> questionKeys, choiceKeys, conditionKeys, sectionKeys;
    for (const QJsonValue sv : written.value(QStringLiteral("sections")).toArray()) {
        const QJsonObject so = sv.toObject();
        for (const QString &k : so.keys())
            sectionKeys.insert(k);
        for (const QJsonValue qv : so.value(QStringLiteral("questions")).toArray()) {
            const QJsonObject qo = qv.toObject();
            for (const QString &k : qo.keys())
                questionKeys.insert(k);
            for (const QJsonValue cv : qo.value(QStringLiteral("choices")).toArray())
                for (const QString &k : cv.toObject().keys())
                    choiceKeys.insert(k);
            for (const QString &k : qo.value(QStringLiteral("condition")).toObject().keys())
                conditionKeys.insert(k);
        }
    }
    const auto sorted = [](const QSet<QString> &set) {
        QStringList list(set.begin(), set.end());
        list.sort();
        return list;
    };
    QCOMPARE(properties(schema), keysOf(written));
    QCOMPARE(properties(defs.value(QStringLiteral("section")).toObject()), sorted(sectionKeys));
    QCOMPARE(properties(defs.value(QStringLiteral("question")).toObject()), sorted(questionKeys));
    QCOMPARE(properties(defs.value(QStringLiteral("choice")).toObject()), sorted(choiceKeys));
    QCOMPARE(properties(defs.value(QStringLiteral("condition")).toObject()), sorted(conditionKeys));

    QStringList kinds;
    for (const QJsonValue v : defs.value(QStringLiteral("question"))
                                  .toObject()
                                  .value(QStringLiteral("properties"))
                                  .toObject()
                                  .value(QStringLiteral("kind"))
                                  .toObject()
                                  .value(QStringLiteral("enum"))
                                  .toArray())
        kinds << v.toString();
    QCOMPARE(kinds, QStringList({questionKindName(QuestionKind::YesNo),
                                 questionKindName(QuestionKind::Scale),
                                 questionKindName(QuestionKind::Choice),
                                 questionKindName(QuestionKind::FreeText)}));

    // Each field the schema requires: without it, the reader refuses the file.
    for (const QString &key : required(schema))
        QVERIFY2(!FormJson::fromJson(top(key, kRemove)).ok(), qPrintable(key));
    for (const QString &key : required(defs.value(QStringLiteral("section")).toObject()))
        QVERIFY2(!FormJson::fromJson(sectionField(0, key, kRemove)).ok(), qPrintable(key));
    for (const QString &key : required(defs.value(QStringLiteral("question")).toObject()))
        QVERIFY2(!FormJson::fromJson(questionField(0, 0, key, kRemove)).ok(), qPrintable(key));
    for (const QString &key : required(defs.value(QStringLiteral("choice")).toObject()))
        QVERIFY2(!FormJson::fromJson(choiceField(0, key, kRemove)).ok(), qPrintable(key));
}

QTEST_GUILESS_MAIN(TestFormJson)
#include "tst_formjson.moc"
