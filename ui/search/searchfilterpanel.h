#pragma once

#include "catalog/catalogtypes.h"
#include "searchworker.h"
#include "timepreset.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;

namespace cv {

// What the pickers offer for completion: the agents, teams and tags the person may see.
struct SearchVocabulary
{
    QVector<AgentRow> agents;
    QVector<QPair<QString, QString>> teams; // id, name
    QStringList tags;
};

// Every filter of the search engine as a form: time (presets or a range), agent and team
// with completion, phone, direction, duration, sentiment range, tags (any/all), has
// evaluation, score range. request() turns the form into a SearchRequest; the form refuses
// to search (with the reason shown) while the filters cannot run (SearchQuery::validate).
class SearchFilterPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit SearchFilterPanel(QWidget *parent = nullptr);

    void setVocabulary(const SearchVocabulary &vocabulary);
    // The form's filters, or InvalidArgument with a message for a person.
    Result<SearchRequest> request(const QDateTime &now = QDateTime::currentDateTime()) const;
    // Fills the form from a saved search: with a preset other than Custom/AnyTime the
    // request's times are replaced by the preset's range when it runs.
    void setRequest(const SearchRequest &request, TimePreset timePreset = TimePreset::Custom);
    TimePreset preset() const;
    void reset();

signals:
    // The person asked to search with valid filters.
    void searchRequested(const cv::SearchRequest &request);

private:
    void buildForm();
    void submit();
    void presetChanged();
    Result<void> readAgent(SearchQuery &query) const;
    Result<void> readPhone(SearchQuery &query) const;
    void readRanges(SearchQuery &query) const;
    QStringList tagNames() const;

    QComboBox *m_timePreset;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLineEdit *m_agent;
    QComboBox *m_team;
    QLineEdit *m_phone;
    QComboBox *m_direction;
    QSpinBox *m_minDuration; // seconds, 0 = any
    QSpinBox *m_maxDuration;
    QCheckBox *m_sentimentOn;
    QSlider *m_minSentiment; // -100..100 = -1.00..1.00
    QSlider *m_maxSentiment;
    QLabel *m_sentimentText;
    QLineEdit *m_tags;
    QComboBox *m_tagMatch;
    QComboBox *m_hasEvaluation;
    QCheckBox *m_scoreOn;
    QSpinBox *m_minScore;
    QSpinBox *m_maxScore;
    QLabel *m_error;
    QHash<QString, QString> m_agentIdsByLabel; // "王伟 (A1)" -> "A1"
};

} // namespace cv
