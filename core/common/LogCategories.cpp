#include "common/LogCategories.h"

Q_LOGGING_CATEGORY(lcApp, "rollcall.app", QtInfoMsg)
Q_LOGGING_CATEGORY(lcVision, "rollcall.vision", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModels, "rollcall.models", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStorage, "rollcall.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "rollcall.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReports, "rollcall.reports", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHandoff, "rollcall.handoff", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "rollcall.ui", QtInfoMsg)
