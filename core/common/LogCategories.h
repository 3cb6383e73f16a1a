#pragma once

#include <QLoggingCategory>

// One category per module. Personal data (names, student IDs, embeddings) is
// logged only with qCDebug, which is off unless --verbose is given.
Q_DECLARE_LOGGING_CATEGORY(lcApp)
Q_DECLARE_LOGGING_CATEGORY(lcVision)
Q_DECLARE_LOGGING_CATEGORY(lcModels)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcReports)
Q_DECLARE_LOGGING_CATEGORY(lcHandoff)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
