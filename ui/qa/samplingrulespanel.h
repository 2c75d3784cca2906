#pragma once

#include "auth/principal.h"
#include "common/catalogthread.h"
#include "qa/queuegenerator.h"
#include "qa/samplingrule.h"

#include <QVector>
#include <QWidget>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace cv {

class Database;

// Sampling rules for QA management (docs/qa-workflow.md, "Sampling and work queues"): the
// rules with their kind, parameters, team, form, deadline, evaluators and whether they are
// on; an editor for a new or the selected rule with the fields of its kind; evaluators picked
// from the users who may score; Generate now for the selected rule's current period with a
// summary of what was queued. A role without qa.forms.manage sees the panel disabled and why.
// Every catalog step runs on the panel's catalog thread through core (SamplingRules,
// QueueGenerator), which checks the permission and audits.
class SamplingRulesPanel final : public QWidget
{
    Q_OBJECT

public:
    SamplingRulesPanel(Database &db, Principal principal, QWidget *parent = nullptr);
    ~SamplingRulesPanel() override;

    // Reads the rules, forms and evaluators again; rulesShown() when on screen.
    void refresh();
    // Clears the editor for a new rule.
    void newRule();
    // Fills the editor with the rule in row `row` of the list.
    void selectRule(int row);
    // Saves the editor (a new rule or the selected one); ruleSaved() with the outcome.
    void save();
    // The selected rule's current period; generated() with the outcome.
    void generateNow();
    // Switches the selected rule on or off.
    void setSelectedActive(bool active);

    const QVector<SamplingRule> &rules() const { return m_rules; }
    bool mayManage() const { return m_mayManage; }

signals:
    void rulesShown(bool ok);
    void ruleSaved(bool ok);
    void generated(bool ok);

private:
    QWidget *buildEditor();
    void showRules();
    void showKindFields();
    std::optional<SamplingRule> ruleFromEditor();
    void fillEditor(const SamplingRule &rule);
    void setBusy(bool busy);
    void showMessage(const QString &text);
    static QString summaryOf(const GenerationReport &report);
    QString kindText(SamplingKind kind) const;

    Database &m_db;
    Principal m_principal;
    bool m_mayManage;
    QVector<SamplingRule> m_rules;
    std::optional<qint64> m_editing; // the rule in the editor (none: a new one)

    QLabel *m_denied;
    QTableWidget *m_list;
    QLineEdit *m_name = nullptr;
    QComboBox *m_kind = nullptr;
    QStackedWidget *m_kindFields = nullptr;
    QSpinBox *m_count = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QLineEdit *m_tags = nullptr;
    QComboBox *m_match = nullptr;
    QSpinBox *m_minMinutes = nullptr;
    QComboBox *m_period = nullptr;
    QComboBox *m_team = nullptr;
    QComboBox *m_form = nullptr;
    QSpinBox *m_deadline = nullptr;
    QListWidget *m_evaluators = nullptr;
    QCheckBox *m_active = nullptr;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_toggle;
    QPushButton *m_generate;
    QLabel *m_message;
    CatalogThread m_thread; // last: it ends first
};

} // namespace cv
