// Generates fmt_expected.txt from fmt_cases.txt: for each case, the hex of fmt.Sprintf's result
// (hex so that any byte, newline or invalid UTF-8 survives). Run: go run fmt_gen.go < fmt_cases.txt
package main

import (
	"bufio"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
)

func parseArg(a string) any {
	i := strings.Index(a, ":")
	t, v := a[:i], a[i+1:]
	if strings.HasPrefix(t, "[]") {
		et := t[2:]
		var parts []string
		if v != "" && v != "nil" {
			parts = strings.Split(v, ",")
		}
		nilSlice := v == "nil"
		switch et {
		case "int":
			var s []int
			for _, p := range parts { n, _ := strconv.Atoi(p); s = append(s, n) }
			if !nilSlice && s == nil { s = []int{} }
			return s
		case "int8":
			var s []int8
			for _, p := range parts { n, _ := strconv.Atoi(p); s = append(s, int8(n)) }
			return s
		case "int32":
			var s []int32
			for _, p := range parts { n, _ := strconv.Atoi(p); s = append(s, int32(n)) }
			return s
		case "uint8":
			var s []uint8
			for _, p := range parts { n, _ := strconv.Atoi(p); s = append(s, uint8(n)) }
			return s
		case "float64":
			var s []float64
			for _, p := range parts { f, _ := strconv.ParseFloat(p, 64); s = append(s, f) }
			return s
		case "bool":
			var s []bool
			for _, p := range parts { s = append(s, p == "true") }
			return s
		case "string":
			var s []string
			s = append(s, parts...)
			return s
		case "any":
			var s []any
			for _, p := range parts { n, _ := strconv.Atoi(p); s = append(s, n) }
			return s
		}
		panic("slice type " + t)
	}
	switch t {
	case "nil":
		return nil
	case "string":
		s, err := strconv.Unquote(v)
		if err != nil { panic(v) }
		return s
	case "error":
		s, _ := strconv.Unquote(v)
		return errors.New(s)
	case "bool":
		return v == "true"
	case "float64", "float32":
		var f float64
		switch v {
		case "+Inf": f = math.Inf(1)
		case "-Inf": f = math.Inf(-1)
		case "NaN": f = math.NaN()
		case "-0.0": f = math.Copysign(0, -1)
		default: f, _ = strconv.ParseFloat(v, 64)
		}
		if t == "float32" { return float32(f) }
		return f
	}
	if strings.HasPrefix(t, "u") {
		u, err := strconv.ParseUint(v, 10, 64)
		if err != nil { panic(a) }
		switch t {
		case "uint": return uint(u)
		case "uint8": return uint8(u)
		case "uint16": return uint16(u)
		case "uint32": return uint32(u)
		case "uint64": return u
		case "uintptr": return uintptr(u)
		}
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil { panic(a) }
	switch t {
	case "int": return int(n)
	case "int8": return int8(n)
	case "int16": return int16(n)
	case "int32": return int32(n)
	case "int64": return n
	}
	panic("type " + t)
}

func main() {
	sc := bufio.NewScanner(os.Stdin)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' { continue }
		fields := strings.Split(line, "\t")
		format, err := strconv.Unquote(fields[0])
		if err != nil { panic(line) }
		var args []any
		for _, a := range fields[1:] { args = append(args, parseArg(a)) }
		fmt.Println(hex.EncodeToString([]byte(fmt.Sprintf(format, args...))))
	}
}
