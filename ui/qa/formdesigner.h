#pragma once

#include "qa/evaluationform.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace cv {

class EvaluationPane;
class QuestionProperties;

// The evaluation form designer (issue 6, "Form designer"): the form's id, title, language and
// description; its sections and questions in a tree (add, remove, move up and down); the
// selected section's or question's properties; every problem FormValidator finds, listed
// live (a form with problems cannot be exported or published); a preview in the evaluation
// pane exactly as evaluators will see it; import and export as JSON (FormJson,
// docs/qa-forms.md). Publishing a new version is the form library's job.
class FormDesigner final : public QWidget
{
    Q_OBJECT

public:
    explicit FormDesigner(QWidget *parent = nullptr);

    void setForm(const EvaluationForm &form);
    const EvaluationForm &form() const { return m_form; }
    QStringList problems() const; // empty when the form may be published

    void addSection();
    void addQuestion(); // to the selected section (or the selected question's)
    void removeSelected();
    void moveSelected(int delta);
    // False with the reason shown.
    bool importFrom(const QString &path);
    bool exportTo(const QString &path);

signals:
    void formChanged();

private:
    struct Selection
    {
        int section = -1;
        int question = -1; // -1: the section itself
    };

    void buildHeader(QFormLayout *layout);
    void rebuildTree(Selection select);
    void selectionChanged();
    void headerEdited();
    void sectionEdited();
    void questionEdited();
    void refreshProblems();
    void refreshPreview();
    Selection selection() const;
    QString itemText(const Selection &at) const;
    void askImport();
    void askExport();

    EvaluationForm m_form;
    QLineEdit *m_id;
    QLineEdit *m_title;
    QComboBox *m_language;
    QPlainTextEdit *m_description;
    QTreeWidget *m_tree;
    QStackedWidget *m_properties;
    QLineEdit *m_sectionId;
    QLineEdit *m_sectionTitle;
    QDoubleSpinBox *m_sectionWeight;
    QuestionProperties *m_question;
    QListWidget *m_problems;
    QLabel *m_message;
    QTabWidget *m_tabs;
    EvaluationPane *m_preview;
    bool m_loading = false;
};

} // namespace cv
