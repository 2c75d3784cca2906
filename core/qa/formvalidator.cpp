#include "formvalidator.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <cmath>

namespace cv {

namespace {

// Collects problems with their paths.
class Checker
{
public:
    QStringList problems;

    void add(const QString &path, const QString &what) { problems.append(path + u": " + what); }

    // Text a person typed: no control characters (line breaks and tabs only where
    // `multiLine`), no broken UTF-16, at most `maxLength` characters.
    void text(const QString &path, const QString &value, int maxLength, bool required,
              bool multiLine)
    {
        if (required && value.trimmed().isEmpty()) {
            add(path, QStringLiteral("is empty"));
            return;
        }
        if (value.size() > maxLength) {
            add(path, QStringLiteral("is longer than %1 characters").arg(maxLength));
            return;
        }
        for (qsizetype i = 0; i < value.size(); ++i) {
            const QChar c = value.at(i);
            const bool allowedBreak = multiLine && (c == u'\n' || c == u'\t' || c == u'\r');
            if ((c.category() == QChar::Other_Control && !allowedBreak) ||
                c == QChar::ReplacementCharacter) {
                add(path, QStringLiteral("contains a control character or broken text"));
                return;
            }
            if (c.isHighSurrogate() && i + 1 < value.size() && value.at(i + 1).isLowSurrogate()) {
                ++i;
                continue;
            }
            if (c.isSurrogate()) {
                add(path, QStringLiteral("contains a control character or broken text"));
                return;
            }
        }
    }

    void id(const QString &path, const QString &value)
    {
        if (!FormValidator::isValidId(value))
            add(path, QStringLiteral("\"%1\" is not an id: use 1 to %2 lower-case letters, digits, "
                                     "'-' or '_', starting with a letter or digit")
                          .arg(value.left(FormValidator::kMaxIdLength + 1))
                          .arg(FormValidator::kMaxIdLength));
    }

    void weight(const QString &path, double value)
    {
        if (!std::isfinite(value) || value <= 0 || value > FormValidator::kMaxWeight)
            add(path, QStringLiteral("must be a number above 0 and at most %1")
                          .arg(FormValidator::kMaxWeight));
    }
};

// Where a question sits in the form: its path and its position in form order.
struct Place
{
    QString path;
    int order = 0;
    const Question *question = nullptr;
};

void checkChoices(Checker &c, const QString &path, const Question &q)
{
    if (q.kind != QuestionKind::Choice) {
        if (!q.choices.isEmpty())
            c.add(path + u".choices", QStringLiteral("only choice questions have choices"));
        return;
    }
    if (q.choices.size() < 2 || q.choices.size() > FormValidator::kMaxChoices) {
        c.add(path + u".choices", QStringLiteral("a choice question needs 2 to %1 choices")
                                      .arg(FormValidator::kMaxChoices));
        return;
    }
    QSet<QString> ids;
    bool anyFail = false;
    for (int i = 0; i < q.choices.size(); ++i) {
        const Choice &ch = q.choices.at(i);
        const QString at = path + QStringLiteral(".choices[%1]").arg(i);
        c.id(at + u".id", ch.id);
        if (ids.contains(ch.id))
            c.add(at + u".id",
                  QStringLiteral("\"%1\" is used by another choice of this question").arg(ch.id));
        ids.insert(ch.id);
        c.text(at + u".label", ch.label, FormValidator::kMaxTitleLength, true, false);
        if (!std::isfinite(ch.points) || ch.points < 0 || ch.points > FormValidator::kMaxPoints)
            c.add(at + u".points",
                  QStringLiteral("must be a number from 0 to %1").arg(FormValidator::kMaxPoints));
        anyFail = anyFail || ch.fail;
    }
    if (!(q.maxPoints() > 0))
        c.add(path + u".choices",
              QStringLiteral("at least one choice must give more than 0 points"));
    if ((q.critical || q.fatal) && !anyFail)
        c.add(path + u".choices",
              QStringLiteral("a critical or fatal choice question needs a choice marked \"fail\", "
                             "otherwise it can never fail"));
}

void checkCondition(Checker &c, const QString &path, const Condition &cond, int order,
                    const QHash<QString, Place> &places)
{
    const auto it = places.constFind(cond.questionId);
    if (it == places.constEnd()) {
        c.add(path + u".question", QStringLiteral("refers to an unknown question \"%1\"")
                                       .arg(cond.questionId.left(FormValidator::kMaxIdLength + 1)));
        return;
    }
    if (it->order >= order) {
        c.add(path + u".question",
              QStringLiteral("refers to %1 \"%2\"; a condition can only depend on an earlier "
                             "question")
                  .arg(it->order == order ? QStringLiteral("its own question")
                                          : QStringLiteral("a later question"),
                       cond.questionId));
        return;
    }
    const Question &target = *it->question;
    if (!target.isScored()) {
        c.add(path + u".question",
              QStringLiteral("refers to the free-text question \"%1\"; a condition needs a "
                             "yes/no, scale or choice question")
                  .arg(cond.questionId));
        return;
    }
    if (cond.anyOf.isEmpty() || cond.anyOf.size() > FormValidator::kMaxConditionValues) {
        c.add(path + u".anyOf",
              QStringLiteral("needs 1 to %1 answers").arg(FormValidator::kMaxConditionValues));
        return;
    }
    QSet<QString> seen;
    for (int i = 0; i < cond.anyOf.size(); ++i) {
        const QString &v = cond.anyOf.at(i);
        const QString at = path + QStringLiteral(".anyOf[%1]").arg(i);
        bool fits = false;
        switch (target.kind) {
        case QuestionKind::YesNo:
            fits = v == u"yes" || v == u"no";
            break;
        case QuestionKind::Scale: {
            bool isNumber = false;
            const int n = v.toInt(&isNumber);
            fits = isNumber && QString::number(n) == v && n >= 1 && n <= target.scaleMax;
            break;
        }
        case QuestionKind::Choice:
            fits = target.findChoice(v) != nullptr;
            break;
        case QuestionKind::FreeText:
            break;
        }
        if (!fits)
            c.add(at, QStringLiteral("\"%1\" is not an answer of question \"%2\"")
                          .arg(v.left(FormValidator::kMaxIdLength + 1), cond.questionId));
        else if (seen.contains(v))
            c.add(at, QStringLiteral("\"%1\" is listed twice").arg(v));
        seen.insert(v);
    }
}

void checkQuestion(Checker &c, const QString &path, const Question &q, int order,
                   const QHash<QString, Place> &places)
{
    c.id(path + u".id", q.id);
    c.text(path + u".text", q.text, FormValidator::kMaxTextLength, true, true);
    c.text(path + u".guidance", q.guidance, FormValidator::kMaxLongTextLength, false, true);
    c.weight(path + u".weight", q.weight);
    if (q.kind == QuestionKind::Scale &&
        (q.scaleMax < Question::kMinScale || q.scaleMax > Question::kMaxScale))
        c.add(path + u".scaleMax", QStringLiteral("must be from %1 to %2")
                                       .arg(Question::kMinScale)
                                       .arg(Question::kMaxScale));
    if (!q.isScored() && (q.critical || q.fatal || q.allowNa))
        c.add(path, QStringLiteral("a free-text question is not scored, so it cannot be "
                                   "critical, fatal or allow N/A"));
    if (q.critical && q.fatal)
        c.add(path, QStringLiteral("a question is either critical (zeroes its section) or fatal "
                                   "(zeroes the evaluation), not both"));
    checkChoices(c, path, q);
    if (q.condition)
        checkCondition(c, path + u".condition", *q.condition, order, places);
}

} // namespace

bool FormValidator::isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,63}$"));
    return pattern.match(id).hasMatch();
}

bool FormValidator::isValidLanguage(const QString &language)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z]{2,3}(_[A-Z]{2})?$"));
    return pattern.match(language).hasMatch();
}

QStringList FormValidator::problems(const EvaluationForm &form)
{
    Checker c;
    c.id(QStringLiteral("id"), form.id);
    if (form.version < 1 || form.version > kMaxVersion)
        c.add(QStringLiteral("version"), QStringLiteral("must be from 1 to %1").arg(kMaxVersion));
    c.text(QStringLiteral("title"), form.title, kMaxTitleLength, true, false);
    if (!isValidLanguage(form.language))
        c.add(QStringLiteral("language"),
              QStringLiteral("must be a language code such as \"en\" or \"zh_CN\""));
    c.text(QStringLiteral("description"), form.description, kMaxLongTextLength, false, true);
    if (form.sections.isEmpty() || form.sections.size() > kMaxSections) {
        c.add(QStringLiteral("sections"),
              QStringLiteral("a form needs 1 to %1 sections").arg(kMaxSections));
        return c.problems;
    }
    if (form.questionCount() > kMaxQuestions) {
        c.add(QStringLiteral("sections"),
              QStringLiteral("a form holds at most %1 questions").arg(kMaxQuestions));
        return c.problems;
    }

    // Question ids are unique in the whole form: answers are keyed by them.
    QHash<QString, Place> places;
    QSet<QString> sectionIds;
    bool anyScored = false;
    int order = 0;
    for (int s = 0; s < form.sections.size(); ++s) {
        const Section &section = form.sections.at(s);
        const QString sPath = QStringLiteral("sections[%1]").arg(s);
        c.id(sPath + u".id", section.id);
        if (sectionIds.contains(section.id))
            c.add(sPath + u".id",
                  QStringLiteral("\"%1\" is used by another section").arg(section.id));
        sectionIds.insert(section.id);
        c.text(sPath + u".title", section.title, kMaxTitleLength, true, false);
        c.weight(sPath + u".weight", section.weight);
        if (section.questions.isEmpty())
            c.add(sPath + u".questions", QStringLiteral("a section needs at least one question"));
        for (int i = 0; i < section.questions.size(); ++i) {
            const Question &q = section.questions.at(i);
            const QString qPath = sPath + QStringLiteral(".questions[%1]").arg(i);
            if (places.contains(q.id))
                c.add(qPath + u".id", QStringLiteral("\"%1\" is used by another question (%2)")
                                          .arg(q.id, places.value(q.id).path));
            else
                places.insert(q.id, Place{qPath, order, &q});
            anyScored = anyScored || q.isScored();
            ++order;
        }
    }
    // Conditions are checked against the whole form so that "later" and "unknown" differ.
    order = 0;
    for (int s = 0; s < form.sections.size(); ++s) {
        const Section &section = form.sections.at(s);
        for (int i = 0; i < section.questions.size(); ++i) {
            const QString qPath = QStringLiteral("sections[%1].questions[%2]").arg(s).arg(i);
            checkQuestion(c, qPath, section.questions.at(i), order, places);
            ++order;
        }
    }
    if (!anyScored)
        c.add(QStringLiteral("sections"),
              QStringLiteral("a form needs at least one scored (not free-text) question"));
    return c.problems;
}

Result<void> FormValidator::validate(const EvaluationForm &form)
{
    const QStringList found = problems(form);
    if (found.isEmpty())
        return {};
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("The evaluation form is not valid: %1").arg(found.first()));
}

} // namespace cv
