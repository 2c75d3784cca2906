#pragma once

#include "auth/principal.h"
#include "qa/formrepository.h"

#include <QVector>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace cv {

class Database;
class FormDesigner;

// The published evaluation forms and the designer (issue 6, "Form designer"): pick a form to
// edit its latest version, or start a new one; Publish makes the designer's form a new
// version through the form library (FormPublisher: an unchanged form makes none), refused
// while the designer lists problems. "Add the built-in forms" publishes the default forms
// (service quality, 双录 compliance; en and zh_CN) on a site that has none yet. Publishing
// needs qa.forms.manage; a role without it reads the list and is told why it cannot publish.
class FormsPanel final : public QWidget
{
    Q_OBJECT

public:
    FormsPanel(Database &db, const Principal &principal, QWidget *parent = nullptr);

    void reload();
    bool editForm(const QString &formId); // the latest version into the designer
    void newForm();
    bool publish();
    bool publishDefaults();
    FormDesigner *designer() const { return m_designer; }
    QListWidget *formList() const { return m_list; }
    QString statusText() const;

signals:
    void published(const QString &formId, int version);

private:
    void updateButtons();
    void say(const QString &text);

    Database &m_db;
    Principal m_principal;
    QVector<FormRow> m_forms;
    QListWidget *m_list;
    FormDesigner *m_designer;
    QPushButton *m_new;
    QPushButton *m_publish;
    QPushButton *m_defaults;
    QLabel *m_status;
};

} // namespace cv
