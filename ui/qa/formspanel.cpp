#include "qa/formspanel.h"

#include "qa/defaultforms.h"
#include "qa/formdesigner.h"
#include "qa/formlibrary.h"
#include "qa/formpublisher.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace cv {

FormsPanel::FormsPanel(Database &db, const Principal &principal, QWidget *parent)
    : QWidget(parent),
      m_db(db),
      m_principal(principal),
      m_list(new QListWidget(this)),
      m_designer(new FormDesigner(this)),
      m_new(new QPushButton(tr("&New form"), this)),
      m_publish(new QPushButton(tr("&Publish"), this)),
      m_defaults(new QPushButton(tr("Add the &built-in forms"), this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("formsPanel"));
    m_list->setObjectName(QStringLiteral("formList"));
    m_new->setObjectName(QStringLiteral("newFormButton"));
    m_publish->setObjectName(QStringLiteral("publishFormButton"));
    m_defaults->setObjectName(QStringLiteral("publishDefaultFormsButton"));
    m_status->setObjectName(QStringLiteral("formsStatus"));
    m_status->setWordWrap(true);
    m_defaults->setToolTip(tr("Publishes the general service-quality form and the 双录 compliance form, in "
                              "English and Chinese."));
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Published forms (latest versions):"), left));
    leftLayout->addWidget(m_list, 1);
    leftLayout->addWidget(m_new);
    leftLayout->addWidget(m_defaults);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_designer);
    split->setStretchFactor(1, 3);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_publish);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addLayout(bottom);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_forms.size())
            editForm(m_forms.at(row).formId);
    });
    connect(m_new, &QPushButton::clicked, this, &FormsPanel::newForm);
    connect(m_publish, &QPushButton::clicked, this, &FormsPanel::publish);
    connect(m_defaults, &QPushButton::clicked, this, &FormsPanel::publishDefaults);
    connect(m_designer, &FormDesigner::formChanged, this, &FormsPanel::updateButtons);
    reload();
}

QString FormsPanel::statusText() const
{
    return m_status->text();
}

void FormsPanel::reload()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    auto forms = FormLibrary(m_db).list(m_principal);
    if (!forms) {
        m_forms.clear();
        say(tr("Could not read the forms: %1").arg(forms.error().message));
        updateButtons();
        return;
    }
    m_forms = forms.takeValue();
    for (const FormRow &form : m_forms)
        m_list->addItem(tr("%1 — %2 (version %3, %4)").arg(form.formId, form.title).arg(form.version).arg(form.language));
    updateButtons();
}

bool FormsPanel::editForm(const QString &formId)
{
    auto row = FormLibrary(m_db).latest(m_principal, formId);
    if (!row) {
        say(tr("Could not open form %1: %2").arg(formId, row.error().message));
        return false;
    }
    auto form = FormPublisher::formOf(row.value());
    if (!form) {
        say(tr("Form %1 cannot be edited here: %2").arg(formId, form.error().message));
        return false;
    }
    m_designer->setForm(form.value());
    say(tr("Editing %1 version %2; publishing a change makes version %3.").arg(formId).arg(row->version).arg(row->version + 1));
    updateButtons();
    return true;
}

void FormsPanel::newForm()
{
    const QSignalBlocker blocker(m_list);
    m_list->clearSelection();
    m_designer->setForm(EvaluationForm());
    say(tr("A new form: give it an id, a title, sections and questions."));
    updateButtons();
}

bool FormsPanel::publish()
{
    const QStringList problems = m_designer->problems();
    if (!problems.isEmpty()) {
        say(tr("Not published: %1").arg(problems.first()));
        return false;
    }
    FormLibrary library(m_db);
    auto outcome = FormPublisher(library).publish(m_principal, m_designer->form());
    if (!outcome) {
        say(tr("Not published: %1").arg(outcome.error().message));
        return false;
    }
    const FormRow form = outcome->form;
    reload();
    if (outcome->created) {
        say(tr("Published %1 version %2.").arg(form.formId).arg(form.version));
        emit published(form.formId, form.version);
    } else {
        say(tr("%1 version %2 already says this; nothing was published.").arg(form.formId).arg(form.version));
    }
    return true;
}

bool FormsPanel::publishDefaults()
{
    FormLibrary library(m_db);
    FormPublisher publisher(library);
    int created = 0;
    for (const QString &name : DefaultForms::names()) {
        auto form = DefaultForms::load(name);
        if (!form) {
            say(tr("Built-in form %1 is damaged: %2").arg(name, form.error().message));
            return false;
        }
        auto outcome = publisher.publish(m_principal, form.value());
        if (!outcome) {
            say(tr("Not published: %1").arg(outcome.error().message));
            return false;
        }
        if (outcome->created) {
            ++created;
            emit published(outcome->form.formId, outcome->form.version);
        }
    }
    reload();
    say(created > 0 ? tr("Published %n built-in form(s).", nullptr, created)
                    : tr("The built-in forms are already published."));
    return true;
}

void FormsPanel::updateButtons()
{
    const bool manages = m_principal.has(Permission::QaFormsManage);
    m_new->setEnabled(manages);
    m_defaults->setEnabled(manages);
    m_publish->setEnabled(manages && m_designer->problems().isEmpty());
    if (!manages)
        m_publish->setToolTip(tr("Your role (%1) may not publish forms.").arg(m_principal.role));
    else if (!m_designer->problems().isEmpty())
        m_publish->setToolTip(tr("Fix the problems the designer lists first."));
    else
        m_publish->setToolTip(tr("Publish as a new version; evaluations keep the version they used."));
}

void FormsPanel::say(const QString &text)
{
    m_status->setText(text);
}

} // namespace cv
