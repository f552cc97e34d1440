package forms

// winErrnoClass maps Windows error numbers that have no POSIX name.
func winErrnoClass(e uintptr) osClass {
	switch e {
	case 2, 3, 15, 53, 67, 161: // FILE_NOT_FOUND, PATH_NOT_FOUND, INVALID_DRIVE, BAD_NETPATH, BAD_NET_NAME, BAD_PATHNAME
		return osNotExist
	case 5, 1920: // ACCESS_DENIED, CANT_ACCESS_FILE
		return osPermission
	case 32, 33: // SHARING_VIOLATION, LOCK_VIOLATION
		return osBusy
	case 39, 112: // HANDLE_DISK_FULL, DISK_FULL
		return osNoSpace
	case 206, 111: // FILENAME_EXCED_RANGE, BUFFER_OVERFLOW (name too long)
		return osNameTooLong
	case 19: // WRITE_PROTECT
		return osReadOnlyFS
	case 21, 23, 1117, 483: // NOT_READY, CRC, IO_DEVICE, DEVICE_HARDWARE_ERROR
		return osIO
	case 4: // TOO_MANY_OPEN_FILES
		return osTooManyOpen
	case 17: // NOT_SAME_DEVICE
		return osCrossDevice
	case 267: // DIRECTORY (the name is not a folder)
		return osNotDir
	case 80, 183: // FILE_EXISTS, ALREADY_EXISTS
		return osExists
	case 1921: // CANT_RESOLVE_FILENAME (a link loop)
		return osLoop
	}
	return osOther
}
