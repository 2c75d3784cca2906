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
