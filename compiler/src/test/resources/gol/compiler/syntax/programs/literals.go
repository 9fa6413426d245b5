package main

var ints = []int{0, 1, 42, 1_000_000, 0x2A, 0X2a, 0x_2A, 0o52, 0O52, 052, 0b101010, 0B10_1010, 0_52}

var floats = []float64{0., 1.5, .5, 1e3, 1E+3, 1e-3, 1.5e3, 0x1p4, 0x1.8p1, 0X.8p0, 0x_1p-2, 1_0.2_5, 00.5, 09.5}

var imags = []complex128{0i, 1i, 1.5i, .5i, 1e3i, 0x1p4i, 0o17i, 0b11i, 0123i, 1_0i}

var runes = []rune{'a', 'ä', '本', '\t', '\000', '\007', '\377', '\x07', '\xff', '\u12e4', '\U00101234', '\'', '\\', '"', '😀'}

var strs = []string{
	"",
	"hello, 世界",
	"\a\b\f\n\r\t\v\\\"",
	"\xff\u00e9\U0001F600\101",
	`raw with "quotes" and \n no escapes`,
	`multi
line
raw`,
	"tab	inside",
}

var after = "positions after a multi-line raw string are right" + `x
y` + "z"

var ünïcode, 日本 = "identifiers", 1
