#pragma once

#include "common/Error.h"
#include "crypto/SecretBytes.h"

#include <QString>

// Asks a person for a passphrase on the controlling terminal (/dev/tty) with echo off, so
// it never reaches the screen, a pipe or a log. The terminal is put back as it was even when
// the person presses Ctrl-C.
namespace secretprompt {

// A person can be asked: stdin is a terminal. Scripts and pipes are never prompted.
bool available();

// Writes `prompt` on the terminal and reads one line without echo. KeyRequired when there
// is no terminal or nothing was typed (Enter alone, Ctrl-D).
coffer::Result<coffer::SecretBytes> ask(const QString &prompt);

} // namespace secretprompt
