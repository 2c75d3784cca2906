#include "formdesigner.h"

#include "evaluationpane.h"
#include "qa/formjson.h"
#include "qa/formvalidator.h"
#include "questionproperties.h"
#include "store/durablefile.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cv {

namespace {

enum Page { kEmptyPage, kSectionPage, kQuestionPage };
constexpr int kSectionRole = Qt::UserRole;
constexpr int kQuestionRole = Qt::UserRole + 1;

// A fresh id not used yet in the form ("section-3", "q-12").
template <typename Taken> QString freshId(const QString &prefix, Taken taken)
{
    for (int n = 1;; ++n) {
        const QString id = prefix + QString::number(n);
        if (!taken(id))
            return id;
    }
}

} // namespace

FormDesigner::FormDesigner(QWidget *parent)
    : QWidget(parent), m_id(new QLineEdit(this)), m_title(new QLineEdit(this)), m_language(new QComboBox(this)),
      m_description(new QPlainTextEdit(this)), m_tree(new QTreeWidget(this)), m_properties(new QStackedWidget(this)),
      m_sectionId(new QLineEdit(this)), m_sectionTitle(new QLineEdit(this)),
      m_sectionWeight(new QDoubleSpinBox(this)), m_question(new QuestionProperties(this)),
      m_problems(new QListWidget(this)), m_message(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_preview(new EvaluationPane(this))
{
    setObjectName(QStringLiteral("formDesigner"));
    auto *outer = new QVBoxLayout(this);
    auto *header = new QFormLayout;
    buildHeader(header);
    outer->addLayout(header);

    auto *design = new QWidget(this);
    auto *designLayout = new QHBoxLayout(design);
    auto *splitter = new QSplitter(design);
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_tree->setObjectName(QStringLiteral("formTree"));
    m_tree->setHeaderHidden(true);
    leftLayout->addWidget(m_tree, 1);
    auto *buttons = new QHBoxLayout;
    const auto button = [&](const QString &text, const char *name, auto slot) {
        auto *b = new QPushButton(text, left);
        b->setObjectName(QString::fromLatin1(name));
        connect(b, &QPushButton::clicked, this, slot);
        buttons->addWidget(b);
    };
    button(tr("Add section"), "addSectionButton", [this] { addSection(); });
    button(tr("Add question"), "addQuestionButton", [this] { addQuestion(); });
    button(tr("Remove"), "removeItemButton", [this] { removeSelected(); });
    button(tr("Up"), "moveUpButton", [this] { moveSelected(-1); });
    button(tr("Down"), "moveDownButton", [this] { moveSelected(1); });
    leftLayout->addLayout(buttons);

    auto *sectionPage = new QWidget(m_properties);
    auto *sectionForm = new QFormLayout(sectionPage);
    m_sectionId->setObjectName(QStringLiteral("sectionIdEdit"));
    m_sectionTitle->setObjectName(QStringLiteral("sectionTitleEdit"));
    m_sectionWeight->setObjectName(QStringLiteral("sectionWeight"));
    m_sectionWeight->setRange(0.1, 1000);
    m_sectionWeight->setDecimals(1);
    sectionForm->addRow(tr("Id:"), m_sectionId);
    sectionForm->addRow(tr("Title:"), m_sectionTitle);
    sectionForm->addRow(tr("Weight:"), m_sectionWeight);
    m_properties->addWidget(new QLabel(tr("Select a section or a question to edit it."), m_properties));
    m_properties->addWidget(sectionPage);
    m_properties->addWidget(m_question);
    splitter->addWidget(left);
    splitter->addWidget(m_properties);
    splitter->setStretchFactor(1, 2);
    designLayout->addWidget(splitter);

    m_tabs->addTab(design, tr("Design"));
    m_tabs->addTab(m_preview, tr("Preview"));
    outer->addWidget(m_tabs, 1);
    m_problems->setObjectName(QStringLiteral("formProblems"));
    m_problems->setMaximumHeight(90);
    outer->addWidget(m_problems);
    m_message->setObjectName(QStringLiteral("formDesignerMessage"));
    m_message->setWordWrap(true);
    auto *files = new QHBoxLayout;
    files->addWidget(m_message, 1);
    auto *importButton = new QPushButton(tr("Import…"), this);
    importButton->setObjectName(QStringLiteral("importFormButton"));
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setObjectName(QStringLiteral("exportFormButton"));
    files->addWidget(importButton);
    files->addWidget(exportButton);
    outer->addLayout(files);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &FormDesigner::selectionChanged);
    connect(m_sectionId, &QLineEdit::textChanged, this, &FormDesigner::sectionEdited);
    connect(m_sectionTitle, &QLineEdit::textChanged, this, &FormDesigner::sectionEdited);
    connect(m_sectionWeight, &QDoubleSpinBox::valueChanged, this, &FormDesigner::sectionEdited);
    connect(m_question, &QuestionProperties::changed, this, &FormDesigner::questionEdited);
    connect(m_tabs, &QTabWidget::currentChanged, this, &FormDesigner::refreshPreview);
    connect(importButton, &QPushButton::clicked, this, &FormDesigner::askImport);
    connect(exportButton, &QPushButton::clicked, this, &FormDesigner::askExport);

    EvaluationForm blank;
    blank.id = QStringLiteral("new-form");
    blank.title = tr("New form");
    blank.language = QStringLiteral("en");
    setForm(blank);
}

void FormDesigner::buildHeader(QFormLayout *layout)
{
    m_id->setObjectName(QStringLiteral("formIdEdit"));
    m_title->setObjectName(QStringLiteral("formTitleEdit"));
    m_language->setObjectName(QStringLiteral("formLanguageCombo"));
    m_description->setObjectName(QStringLiteral("formDescriptionEdit"));
    m_description->setMaximumHeight(50);
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    layout->addRow(tr("Form id:"), m_id);
    layout->addRow(tr("Title:"), m_title);
    layout->addRow(tr("Language:"), m_language);
    layout->addRow(tr("Description:"), m_description);
    connect(m_id, &QLineEdit::textChanged, this, &FormDesigner::headerEdited);
    connect(m_title, &QLineEdit::textChanged, this, &FormDesigner::headerEdited);
    connect(m_language, &QComboBox::currentIndexChanged, this, &FormDesigner::headerEdited);
    connect(m_description, &QPlainTextEdit::textChanged, this, &FormDesigner::headerEdited);
}

void FormDesigner::setForm(const EvaluationForm &form)
{
    m_loading = true;
    m_form = form;
    m_id->setText(form.id);
    m_title->setText(form.title);
    const int language = m_language->findData(form.language);
    m_language->setCurrentIndex(language >= 0 ? language : 0);
    m_description->setPlainText(form.description);
    m_loading = false;
    rebuildTree({});
    refreshProblems();
}

QStringList FormDesigner::problems() const
{
    return FormValidator::problems(m_form);
}

void FormDesigner::rebuildTree(Selection select)
{
    m_loading = true;
    m_tree->clear();
    QTreeWidgetItem *current = nullptr;
    for (int s = 0; s < m_form.sections.size(); ++s) {
        auto *sectionItem = new QTreeWidgetItem(m_tree, {itemText({s, -1})});
        sectionItem->setData(0, kSectionRole, s);
        sectionItem->setData(0, kQuestionRole, -1);
        if (select.section == s && select.question < 0)
            current = sectionItem;
        for (int q = 0; q < m_form.sections[s].questions.size(); ++q) {
            auto *questionItem = new QTreeWidgetItem(sectionItem, {itemText({s, q})});
            questionItem->setData(0, kSectionRole, s);
            questionItem->setData(0, kQuestionRole, q);
            if (select.section == s && select.question == q)
                current = questionItem;
        }
    }
    m_tree->expandAll();
    m_loading = false;
    m_tree->setCurrentItem(current);
    if (!current)
        m_properties->setCurrentIndex(kEmptyPage);
}

QString FormDesigner::itemText(const Selection &at) const
{
    const Section &section = m_form.sections[at.section];
    if (at.question < 0)
        return QStringLiteral("%1  (%2)").arg(section.title.isEmpty() ? section.id : section.title)
            .arg(tr("weight %1").arg(section.weight));
    const Question &q = section.questions[at.question];
    QString text = q.text.isEmpty() ? q.id : q.text;
    if (q.fatal)
        text += QStringLiteral(" [%1]").arg(tr("fatal"));
    else if (q.critical)
        text += QStringLiteral(" [%1]").arg(tr("critical"));
    return text;
}

FormDesigner::Selection FormDesigner::selection() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return {};
    return {item->data(0, kSectionRole).toInt(), item->data(0, kQuestionRole).toInt()};
}

void FormDesigner::selectionChanged()
{
    if (m_loading)
        return;
    const Selection at = selection();
    m_loading = true;
    if (at.section < 0) {
        m_properties->setCurrentIndex(kEmptyPage);
    } else if (at.question < 0) {
        const Section &section = m_form.sections[at.section];
        m_sectionId->setText(section.id);
        m_sectionTitle->setText(section.title);
        m_sectionWeight->setValue(section.weight);
        m_properties->setCurrentIndex(kSectionPage);
    } else {
        QVector<Question> earlier;
        for (const Question *q : m_form.questionsInOrder()) {
            if (q == &m_form.sections[at.section].questions[at.question])
                break;
            earlier.append(*q);
        }
        m_question->setQuestion(m_form.sections[at.section].questions[at.question], earlier);
        m_properties->setCurrentIndex(kQuestionPage);
    }
    m_loading = false;
}

void FormDesigner::headerEdited()
{
    if (m_loading)
        return;
    m_form.id = m_id->text().trimmed();
    m_form.title = m_title->text().trimmed();
    m_form.language = m_language->currentData().toString();
    m_form.description = m_description->toPlainText().trimmed();
    refreshProblems();
}

void FormDesigner::sectionEdited()
{
    const Selection at = selection();
    if (m_loading || at.section < 0 || at.question >= 0)
        return;
    Section &section = m_form.sections[at.section];
    section.id = m_sectionId->text().trimmed();
    section.title = m_sectionTitle->text().trimmed();
    section.weight = m_sectionWeight->value();
    m_tree->currentItem()->setText(0, itemText(at));
    refreshProblems();
}

void FormDesigner::questionEdited()
{
    const Selection at = selection();
    if (m_loading || at.section < 0 || at.question < 0)
        return;
    m_form.sections[at.section].questions[at.question] = m_question->question();
    m_tree->currentItem()->setText(0, itemText(at));
    refreshProblems();
}

void FormDesigner::addSection()
{
    Section section;
    section.id = freshId(QStringLiteral("section-"), [this](const QString &id) {
        return std::any_of(m_form.sections.cbegin(), m_form.sections.cend(),
                           [&id](const Section &s) { return s.id == id; });
    });
    section.title = tr("New section");
    m_form.sections.append(section);
    rebuildTree({int(m_form.sections.size()) - 1, -1});
    refreshProblems();
}

void FormDesigner::addQuestion()
{
    Selection at = selection();
    if (at.section < 0) {
        if (m_form.sections.isEmpty())
            addSection();
        at.section = int(m_form.sections.size()) - 1;
    }
    Question question;
    question.id = freshId(QStringLiteral("q-"), [this](const QString &id) { return m_form.findQuestion(id) != nullptr; });
    question.text = tr("New question");
    auto &questions = m_form.sections[at.section].questions;
    const int index = at.question >= 0 ? at.question + 1 : int(questions.size());
    questions.insert(index, question);
    rebuildTree({at.section, index});
    refreshProblems();
}

void FormDesigner::removeSelected()
{
    const Selection at = selection();
    if (at.section < 0)
        return;
    if (at.question < 0) {
        m_form.sections.removeAt(at.section);
        rebuildTree({std::min(at.section, int(m_form.sections.size()) - 1), -1});
    } else {
        auto &questions = m_form.sections[at.section].questions;
        questions.removeAt(at.question);
        rebuildTree({at.section, std::min(at.question, int(questions.size()) - 1)});
    }
    refreshProblems();
}

void FormDesigner::moveSelected(int delta)
{
    const Selection at = selection();
    if (at.section < 0)
        return;
    if (at.question < 0) {
        const int to = at.section + delta;
        if (to < 0 || to >= m_form.sections.size())
            return;
        m_form.sections.move(at.section, to);
        rebuildTree({to, -1});
    } else {
        auto &questions = m_form.sections[at.section].questions;
        const int to = at.question + delta;
        if (to < 0 || to >= questions.size())
            return;
        questions.move(at.question, to);
        rebuildTree({at.section, to});
    }
    refreshProblems();
}

void FormDesigner::refreshProblems()
{
    m_problems->clear();
    const QStringList found = problems();
    m_problems->addItems(found);
    m_message->setText(found.isEmpty() ? tr("The form is ready to publish.")
                                       : tr("%n problem(s) to fix before the form can be published.", nullptr,
                                            int(found.size())));
    if (m_tabs->currentWidget() == m_preview)
        refreshPreview();
    emit formChanged();
}

void FormDesigner::refreshPreview()
{
    // The score engine needs a valid form; an invalid one is previewed as far as it goes.
    if (m_tabs->currentWidget() == m_preview && problems().isEmpty())
        m_preview->setForm(m_form);
}

bool FormDesigner::importFrom(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_message->setText(tr("Could not read %1: %2").arg(path, file.errorString()));
        return false;
    }
    auto form = FormJson::fromJson(file.read(FormJson::kMaxBytes + 1));
    if (!form) {
        m_message->setText(tr("%1 is not a form CallVault can use: %2").arg(path, form.errorMessage()));
        return false;
    }
    setForm(form.value());
    m_message->setText(tr("Imported %1 (version %2).").arg(form->title).arg(form->version));
    return true;
}

bool FormDesigner::exportTo(const QString &path)
{
    if (!problems().isEmpty()) {
        m_message->setText(tr("Fix the problems listed above first."));
        return false;
    }
    if (auto written = durable::writeFileAtomically(path, FormJson::toJson(m_form)); !written) {
        m_message->setText(tr("Could not write %1: %2").arg(path, written.errorMessage()));
        return false;
    }
    m_message->setText(tr("Exported to %1.").arg(path));
    return true;
}

void FormDesigner::askImport()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a form"), QString(), tr("Forms (*.json)"));
    if (!path.isEmpty())
        importFrom(path);
}

void FormDesigner::askExport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the form"), m_form.id + QStringLiteral(".json"),
                                                      tr("Forms (*.json)"));
    if (!path.isEmpty())
        exportTo(path);
}

} // namespace cv
