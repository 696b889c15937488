#pragma once

#include "jobs/Job.h"

#include <QList>

#include <memory>

// Runs jobs on a JobQueue and waits for all of them, drawing progress on a terminal.
// Ctrl-C (or SIGTERM) cancels them cleanly; a second Ctrl-C ends the process at once.
void runJobs(const QList<std::shared_ptr<coffer::Job>> &jobs);
