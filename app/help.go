package app

// showSubmission repeats what the bureau's notice asks for.
func (u *UI) showSubmission() {
	showMessage(u.win, "报送要求", u.submission())
}

func (u *UI) showAbout() {
	notice := "按通知的要求"
	if u.form.Source != "" {
		notice = "按" + u.form.Source + "的要求"
	}
	showMessage(u.win, "关于", u.form.Title+"填报程序 "+Version+
		"\n\n"+notice+"填写、检查并导出申报表。程序不联网，填写的内容只保存在这台电脑上。"+
		"\n\n字体：思源宋体 Noto Serif SC（SIL 开源字体许可证 1.1）。")
}
