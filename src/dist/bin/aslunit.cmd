@echo off
rem aslunit: runs the ASLUnit CLI (lib\aslunit.jar) with the JVM options that suit a short run:
rem C1 only, the serial collector with a 64 MiB young generation to start with, and on JDK 19 and
rem later a class-data sharing archive that the first run makes, with the CLI's training requests
rem (next to the jar when that folder is writable, else in %LOCALAPPDATA%\aslunit). See bin/aslunit
rem for the reasons. JAVA_HOME chooses the JDK (else java on the PATH), ASLUNIT_OPTS adds JVM
rem options, ASLUNIT_CDS=off runs without the archive, and ASLUNIT_CLASSPATH puts jars beside the
rem CLI's (the AWS SDK clients of pass-through and verify mode; docs/cli.md), e.g.
rem set "ASLUNIT_CLASSPATH=C:\aws-sdk\*".
setlocal
set "HOME_DIR=%~dp0.."
set "JAR=%HOME_DIR%\lib\aslunit.jar"

if defined JAVA_HOME (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
  set "JDK=%JAVA_HOME%"
) else (
  for %%i in (java.exe) do set "JAVA_EXE=%%~$PATH:i"
)
if not defined JAVA_EXE (
  echo aslunit: no java on the PATH; install JDK 17 or later, or set JAVA_HOME 1>&2
  exit /b 2
)
if not defined JDK for %%i in ("%JAVA_EXE%\..\..") do set "JDK=%%~fi"

set "VERSION="
set "FEATURE=0"
if exist "%JDK%\release" (
  for /f "tokens=2 delims==" %%v in ('findstr /b "JAVA_VERSION=" "%JDK%\release"') do set "VERSION=%%~v"
)
if defined VERSION for /f "delims=." %%f in ("%VERSION%") do set "FEATURE=%%f"

set "CDS="
if "%ASLUNIT_CDS%"=="off" goto run
if %FEATURE% LSS 19 goto run
set "DIR=%HOME_DIR%\lib"
(copy /y nul "%DIR%\.aslunit-writable" >nul 2>&1 && del "%DIR%\.aslunit-writable" >nul 2>&1) || (
  set "DIR=%LOCALAPPDATA%\aslunit"
  if not exist "%LOCALAPPDATA%\aslunit" mkdir "%LOCALAPPDATA%\aslunit" >nul 2>&1
)
set CDS="-XX:SharedArchiveFile=%DIR%\aslunit-jdk%VERSION%.jsa" -XX:+AutoCreateSharedArchive -Xlog:disable -Xlog:all=error:stderr
if not exist "%DIR%\aslunit-jdk%VERSION%.jsa" set CDS=%CDS% -Daslunit.train=true

:run
set "LAUNCH=-jar "%JAR%""
if defined ASLUNIT_CLASSPATH set LAUNCH=-cp "%JAR%;%ASLUNIT_CLASSPATH%" dev.aslunit.internal.cli.Main
"%JAVA_EXE%" %CDS% -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:NewSize=64m %ASLUNIT_OPTS% %LAUNCH% %*
exit /b %ERRORLEVEL%
