#include "GuiApplication.h"

int main(int argc, char *argv[])
{
    return rollcall::GuiApplication::run(argc, argv);
}
