#include "formversioning.h"

#include <algorithm>

namespace cv {

namespace {

// How much a single difference matters.
enum class Weight
{
    Help,    // guidance, titles, description: editorial
    Wording, // what was asked (question text, choice labels, language): new version
    Scoring, // structure and scoring: new version, and scores are not comparable
};

struct Difference
{
    QString path;
    Weight weight;
};

class Comparer
{
public:
    QVector<Difference> found;

    template <typename T> void field(const QString &path, const T &a, const T &b, Weight w)
    {
        if (a != b)
            found.append(Difference{path, w});
    }

    void question(const QString &path, const Question &a, const Question &b)
    {
        field(path + u".id", a.id, b.id, Weight::Scoring);
        field(path + u".text", a.text, b.text, Weight::Wording);
        field(path + u".guidance", a.guidance, b.guidance, Weight::Help);
        field(path + u".kind", a.kind, b.kind, Weight::Scoring);
        if (a.kind == QuestionKind::Scale || b.kind == QuestionKind::Scale)
            field(path + u".scaleMax", a.scaleMax, b.scaleMax, Weight::Scoring);
        if (a.choices.size() != b.choices.size()) {
            found.append(Difference{path + u".choices", Weight::Scoring});
        } else {
            for (int i = 0; i < a.choices.size(); ++i) {
                const QString at = path + QStringLiteral(".choices[%1]").arg(i);
                const Choice &ca = a.choices.at(i);
                const Choice &cb = b.choices.at(i);
                field(at + u".id", ca.id, cb.id, Weight::Scoring);
                field(at + u".label", ca.label, cb.label, Weight::Wording);
                field(at + u".points", ca.points, cb.points, Weight::Scoring);
                field(at + u".fail", ca.fail, cb.fail, Weight::Scoring);
            }
        }
        field(path + u".weight", a.weight, b.weight, Weight::Scoring);
        field(path + u".allowNa", a.allowNa, b.allowNa, Weight::Scoring);
        field(path + u".critical", a.critical, b.critical, Weight::Scoring);
        field(path + u".fatal", a.fatal, b.fatal, Weight::Scoring);
        field(path + u".condition", a.condition, b.condition, Weight::Scoring);
    }

    void form(const EvaluationForm &a, const EvaluationForm &b)
    {
        field(QStringLiteral("title"), a.title, b.title, Weight::Help);
        field(QStringLiteral("description"), a.description, b.description, Weight::Help);
        field(QStringLiteral("language"), a.language, b.language, Weight::Wording);
        if (a.sections.size() != b.sections.size())
            found.append(Difference{QStringLiteral("sections"), Weight::Scoring});
        const int sections = int(std::min(a.sections.size(), b.sections.size()));
        for (int s = 0; s < sections; ++s) {
            const Section &sa = a.sections.at(s);
            const Section &sb = b.sections.at(s);
            const QString at = QStringLiteral("sections[%1]").arg(s);
            field(at + u".id", sa.id, sb.id, Weight::Scoring);
            field(at + u".title", sa.title, sb.title, Weight::Help);
            field(at + u".weight", sa.weight, sb.weight, Weight::Scoring);
            if (sa.questions.size() != sb.questions.size())
                found.append(Difference{at + u".questions", Weight::Scoring});
            const int questions = int(std::min(sa.questions.size(), sb.questions.size()));
            for (int i = 0; i < questions; ++i)
                question(at + QStringLiteral(".questions[%1]").arg(i), sa.questions.at(i),
                         sb.questions.at(i));
        }
    }

    bool any(Weight w) const
    {
        for (const Difference &d : found)
            if (d.weight == w)
                return true;
        return false;
    }
};

} // namespace

Result<FormVersioning::Decision> FormVersioning::decide(const EvaluationForm &published,
                                                        const EvaluationForm &edited)
{
    if (published.id != edited.id)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Form \"%1\" is not a version of form \"%2\"; import it "
                                        "as a new form or keep the id \"%2\".")
                             .arg(edited.id.left(64), published.id));
    Comparer c;
    c.form(published, edited);
    Decision d;
    for (const Difference &diff : c.found)
        d.differences.append(diff.path);
    if (c.any(Weight::Scoring) || c.any(Weight::Wording)) {
        d.change = Change::NewVersion;
        d.version = published.version + 1;
    } else {
        d.change = c.found.isEmpty() ? Change::None : Change::Editorial;
        d.version = published.version;
    }
    return d;
}

bool FormVersioning::sameScoring(const EvaluationForm &a, const EvaluationForm &b)
{
    Comparer c;
    c.form(a, b);
    return !c.any(Weight::Scoring);
}

} // namespace cv
