# core/qa: evaluation forms, scoring and calibration statistics (docs/qa-forms.md). Pure
# domain code: no database and no UI; the catalog stores forms and evaluations.
list(APPEND CALLVAULT_CORE_SOURCES
  qa/evaluationform.h qa/evaluationform.cpp
  qa/answer.h qa/answer.cpp
  qa/formvalidator.h qa/formvalidator.cpp
  qa/formjson.h qa/formjson.cpp
  qa/scoreengine.h qa/scoreengine.cpp
  qa/formversioning.h qa/formversioning.cpp
  qa/agreement.h qa/agreement.cpp
  qa/defaultforms.h qa/defaultforms.cpp
  qa/evaluationanswers.h qa/evaluationanswers.cpp
  qa/calibrationreveal.h qa/calibrationreveal.cpp)
# The default forms (en, zh_CN), compiled in as :/callvault/qa/forms/<name>.json.
list(APPEND CALLVAULT_CORE_RESOURCES qa/forms/qa_forms.qrc)

# The catalog storage and workflow rules of issue 6 (docs/qa-workflow.md): forms stored by
# version, evaluations, their states, history, permissions and audit rows. They keep a form
# definition and an evaluation's answers as JSON text; the domain code above reads them.
list(APPEND CALLVAULT_CORE_SOURCES
  qa/evaluationstate.h qa/evaluationstate.cpp
  qa/qatext.h qa/qatext.cpp
  qa/formrepository.h qa/formrepository.cpp
  qa/formlibrary.h qa/formlibrary.cpp
  qa/evaluationrepository.h qa/evaluationrepository.cpp
  qa/evaluationtransitions.h qa/evaluationtransitions.cpp
  qa/evaluationworkflow.h qa/evaluationworkflow.cpp
  qa/evaluationqueries.h qa/evaluationqueries.cpp
  qa/formpublisher.h qa/formpublisher.cpp
  qa/scoredevaluation.h qa/scoredevaluation.cpp
  qa/calibrationrepository.h qa/calibrationrepository.cpp
  qa/calibrationsessions.h qa/calibrationsessions.cpp)

# QA reports (docs/qa-reports.md): figures by agent, team, form, question and period; CSV.
list(APPEND CALLVAULT_CORE_SOURCES
  qa/reportfilter.h qa/reportfilter.cpp
  qa/qareport.h qa/qareport.cpp
  qa/reportrepository.h qa/reportrepository.cpp
  qa/reportaggregator.h qa/reportaggregator.cpp
  qa/qareportquery.h qa/qareportquery.cpp
  qa/qareportcsv.h qa/qareportcsv.cpp)

# Sampling rules and work queues (docs/qa-workflow.md, "Sampling and work queues"): rules
# pick calls of a period, a generation run queues them for the rules' evaluators, each
# evaluator works through their queue.
list(APPEND CALLVAULT_CORE_SOURCES
  qa/samplingrule.h qa/samplingrule.cpp
  qa/samplingrulerepository.h qa/samplingrulerepository.cpp
  qa/evaluatordirectory.h qa/evaluatordirectory.cpp
  qa/samplingrules.h qa/samplingrules.cpp
  qa/workitemrepository.h qa/workitemrepository.cpp
  qa/queuegenerator.h qa/queuegenerator.cpp
  qa/workqueue.h qa/workqueue.cpp)
