// astdump prints the syntax tree that Go's own parser (go/parser) builds for a Go file, in exactly
// the format of gol's AstPrinter (gol.compiler.ast.AstPrinter). It is the oracle for gol's parser
// tests: regen-ast-goldens.sh runs it over the test programs and stores the output as golden
// files, which AstGoldenTest compares with what gol's parser builds. Go is not needed to run the
// tests, only to regenerate the goldens.
//
// Usage: go run astdump.go FILE.go > FILE.ast
package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
)

var fset = token.NewFileSet()

type printer struct {
	b     strings.Builder
	depth int
}

func (p *printer) pos(x token.Pos) string {
	q := fset.PositionFor(x, false) // gol ignores //line directives
	return fmt.Sprintf("%d:%d", q.Line, q.Column)
}

func (p *printer) line(role, text string, pos token.Pos) {
	p.b.WriteString(strings.Repeat("  ", p.depth))
	if role != "" {
		p.b.WriteString(role + ": ")
	}
	p.b.WriteString(text)
	if pos.IsValid() {
		p.b.WriteString(" @" + p.pos(pos))
	}
	p.b.WriteString("\n")
}

func (p *printer) open(role, text string, pos token.Pos) { p.line(role, text, pos); p.depth++ }
func (p *printer) close()                                { p.depth-- }

func names(ids []*ast.Ident) string {
	var s []string
	for _, id := range ids {
		s = append(s, id.Name)
	}
	return strings.Join(s, ", ")
}

func (p *printer) file(f *ast.File) {
	p.open("", "File "+f.Name.Name, f.Package)
	for _, i := range f.Imports {
		name := ""
		if i.Name != nil {
			name = i.Name.Name + " "
		}
		p.line("", "Import "+name+i.Path.Value, i.Pos())
	}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			continue
		}
		p.decl(d)
	}
	p.close()
}

func (p *printer) decl(d ast.Decl) {
	switch d := d.(type) {
	case *ast.FuncDecl:
		kind := "Func "
		if d.Recv != nil {
			kind = "Method "
		}
		p.open("", kind+d.Name.Name, d.Pos())
		if d.Recv != nil {
			p.field("recv", d.Recv.List[0])
		}
		p.expr("type", d.Type)
		if d.Body != nil {
			p.stmt("body", d.Body)
		}
		p.close()
	case *ast.GenDecl:
		p.gen("", d)
	}
}

func (p *printer) gen(role string, g *ast.GenDecl) {
	p.open(role, "Gen "+strings.ToUpper(g.Tok.String()), g.Pos())
	for i, s := range g.Specs {
		switch s := s.(type) {
		case *ast.ValueSpec:
			text := "ValueSpec " + names(s.Names)
			if g.Tok == token.CONST {
				text += fmt.Sprintf(" iota=%d", i)
			}
			p.open("", text, s.Pos())
			p.expr("type", s.Type)
			for _, v := range s.Values {
				p.expr("value", v)
			}
			p.close()
		case *ast.TypeSpec:
			text := "TypeSpec " + s.Name.Name
			if s.Assign.IsValid() {
				text += " alias"
			}
			p.open("", text, s.Pos())
			p.expr("type", s.Type)
			p.close()
		}
	}
	p.close()
}

func (p *printer) stmt(role string, s ast.Stmt) {
	if s == nil {
		return
	}
	switch s := s.(type) {
	case *ast.BlockStmt:
		p.open(role, "Block rbrace="+p.pos(s.Rbrace), s.Pos())
		for _, x := range s.List {
			p.stmt("", x)
		}
		p.close()
	case *ast.ExprStmt:
		p.open(role, "ExprStmt", s.Pos())
		p.expr("", s.X)
		p.close()
	case *ast.SendStmt:
		p.open(role, "Send", s.Pos())
		p.expr("ch", s.Chan)
		p.expr("value", s.Value)
		p.close()
	case *ast.IncDecStmt:
		p.open(role, "IncDec "+s.Tok.String(), s.Pos())
		p.expr("", s.X)
		p.close()
	case *ast.AssignStmt:
		p.open(role, "Assign "+s.Tok.String()+" op@"+p.pos(s.TokPos), s.Pos())
		for _, x := range s.Lhs {
			p.expr("lhs", x)
		}
		for _, x := range s.Rhs {
			p.expr("rhs", x)
		}
		p.close()
	case *ast.GoStmt:
		p.open(role, "Go", s.Pos())
		p.expr("", s.Call)
		p.close()
	case *ast.DeferStmt:
		p.open(role, "Defer", s.Pos())
		p.expr("", s.Call)
		p.close()
	case *ast.ReturnStmt:
		p.open(role, "Return", s.Pos())
		for _, x := range s.Results {
			p.expr("", x)
		}
		p.close()
	case *ast.BranchStmt:
		text := "Branch " + strings.ToUpper(s.Tok.String())
		if s.Label != nil {
			text += " " + s.Label.Name
		}
		p.line(role, text, s.Pos())
	case *ast.IfStmt:
		p.open(role, "If", s.Pos())
		p.stmt("init", s.Init)
		p.expr("cond", s.Cond)
		p.stmt("then", s.Body)
		p.stmt("else", s.Else)
		p.close()
	case *ast.SwitchStmt:
		p.open(role, "Switch rbrace="+p.pos(s.Body.Rbrace), s.Pos())
		p.stmt("init", s.Init)
		p.expr("tag", s.Tag)
		for _, c := range s.Body.List {
			p.caseClause(c.(*ast.CaseClause))
		}
		p.close()
	case *ast.TypeSwitchStmt:
		text := "TypeSwitch"
		var x ast.Expr
		switch a := s.Assign.(type) {
		case *ast.AssignStmt:
			text += " " + a.Lhs[0].(*ast.Ident).Name + " :="
			x = a.Rhs[0].(*ast.TypeAssertExpr).X
		case *ast.ExprStmt:
			x = a.X.(*ast.TypeAssertExpr).X
		}
		p.open(role, text+" rbrace="+p.pos(s.Body.Rbrace), s.Pos())
		p.stmt("init", s.Init)
		p.expr("x", x)
		for _, c := range s.Body.List {
			p.caseClause(c.(*ast.CaseClause))
		}
		p.close()
	case *ast.SelectStmt:
		p.open(role, "Select", s.Pos())
		for _, c := range s.Body.List {
			cc := c.(*ast.CommClause)
			text := "CommClause"
			if cc.Comm == nil {
				text += " default"
			}
			p.open("", text, cc.Pos())
			p.stmt("comm", cc.Comm)
			for _, x := range cc.Body {
				p.stmt("", x)
			}
			p.close()
		}
		p.close()
	case *ast.ForStmt:
		p.open(role, "For", s.Pos())
		p.stmt("init", s.Init)
		p.expr("cond", s.Cond)
		p.stmt("post", s.Post)
		p.stmt("body", s.Body)
		p.close()
	case *ast.RangeStmt:
		text := "Range"
		if s.Key != nil {
			text += " " + s.Tok.String()
		}
		p.open(role, text, s.Pos())
		p.expr("key", s.Key)
		p.expr("value", s.Value)
		p.expr("x", s.X)
		p.stmt("body", s.Body)
		p.close()
	case *ast.LabeledStmt:
		p.open(role, "Labeled "+s.Label.Name, s.Pos())
		p.stmt("", s.Stmt)
		p.close()
	case *ast.DeclStmt:
		p.gen(role, s.Decl.(*ast.GenDecl))
	case *ast.EmptyStmt:
		p.line(role, "Empty", s.Pos())
	default:
		p.line(role, fmt.Sprintf("?%T", s), s.Pos())
	}
}

func (p *printer) caseClause(c *ast.CaseClause) {
	text := "CaseClause"
	if c.List == nil {
		text += " default"
	}
	p.open("", text, c.Pos())
	for _, x := range c.List {
		p.expr("case", x)
	}
	for _, x := range c.Body {
		p.stmt("", x)
	}
	p.close()
}

func (p *printer) expr(role string, x ast.Expr) {
	if x == nil {
		return
	}
	switch x := x.(type) {
	case *ast.Ident:
		p.line(role, "Ident "+x.Name, x.Pos())
	case *ast.BasicLit:
		p.line(role, "BasicLit "+x.Kind.String()+" "+x.Value, x.Pos())
	case *ast.CompositeLit:
		p.open(role, "CompositeLit rbrace="+p.pos(x.Rbrace), x.Pos())
		p.expr("type", x.Type)
		for _, e := range x.Elts {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				p.open("", "Element", kv.Pos())
				p.expr("key", kv.Key)
				p.expr("value", kv.Value)
				p.close()
			} else {
				p.expr("", e)
			}
		}
		p.close()
	case *ast.FuncLit:
		p.open(role, "FuncLit", x.Pos())
		p.expr("type", x.Type)
		p.stmt("body", x.Body)
		p.close()
	case *ast.ParenExpr:
		p.open(role, "Paren", x.Pos())
		p.expr("", x.X)
		p.close()
	case *ast.SelectorExpr:
		p.open(role, "Selector ."+x.Sel.Name, x.Pos())
		p.expr("", x.X)
		p.close()
	case *ast.IndexExpr:
		p.open(role, "Index", x.Pos())
		p.expr("", x.X)
		p.expr("index", x.Index)
		p.close()
	case *ast.SliceExpr:
		text := "Slice"
		if x.Slice3 {
			text = "Slice3"
		}
		p.open(role, text, x.Pos())
		p.expr("", x.X)
		p.expr("lo", x.Low)
		p.expr("hi", x.High)
		p.expr("max", x.Max)
		p.close()
	case *ast.TypeAssertExpr:
		text := "TypeAssert"
		if x.Type == nil {
			text += " (type)"
		}
		p.open(role, text, x.Pos())
		p.expr("", x.X)
		p.expr("type", x.Type)
		p.close()
	case *ast.CallExpr:
		text := "Call"
		if x.Ellipsis.IsValid() {
			text += " ..."
		}
		p.open(role, text+" rparen="+p.pos(x.Rparen), x.Pos())
		p.expr("fun", x.Fun)
		for _, a := range x.Args {
			p.expr("", a)
		}
		p.close()
	case *ast.StarExpr:
		p.open(role, "Star", x.Pos())
		p.expr("", x.X)
		p.close()
	case *ast.UnaryExpr:
		p.open(role, "Unary "+x.Op.String(), x.Pos())
		p.expr("", x.X)
		p.close()
	case *ast.BinaryExpr:
		p.open(role, "Binary "+x.Op.String()+" op@"+p.pos(x.OpPos), x.Pos())
		p.expr("", x.X)
		p.expr("", x.Y)
		p.close()
	case *ast.ArrayType:
		text := "ArrayType"
		if x.Len == nil {
			text = "SliceType"
		}
		p.open(role, text, x.Pos())
		p.expr("len", x.Len)
		p.expr("elem", x.Elt)
		p.close()
	case *ast.MapType:
		p.open(role, "MapType", x.Pos())
		p.expr("key", x.Key)
		p.expr("value", x.Value)
		p.close()
	case *ast.ChanType:
		dir := "BOTH"
		if x.Dir == ast.SEND {
			dir = "SEND"
		} else if x.Dir == ast.RECV {
			dir = "RECV"
		}
		p.open(role, "ChanType "+dir, x.Pos())
		p.expr("", x.Value)
		p.close()
	case *ast.FuncType:
		p.open(role, "FuncType", x.Pos())
		for _, f := range x.Params.List {
			p.field("param", f)
		}
		if x.Results != nil {
			for _, f := range x.Results.List {
				p.field("result", f)
			}
		}
		p.close()
	case *ast.StructType:
		p.open(role, "StructType", x.Pos())
		for _, f := range x.Fields.List {
			p.field("", f)
		}
		p.close()
	case *ast.InterfaceType:
		p.open(role, "InterfaceType", x.Pos())
		for _, f := range x.Methods.List {
			p.field("", f)
		}
		p.close()
	case *ast.Ellipsis:
		p.open(role, "Ellipsis", x.Pos())
		p.expr("", x.Elt)
		p.close()
	default:
		p.line(role, fmt.Sprintf("?%T", x), x.Pos())
	}
}

func (p *printer) field(role string, f *ast.Field) {
	text := "Field"
	if len(f.Names) > 0 {
		text += " " + names(f.Names)
	}
	if f.Tag != nil {
		text += " tag=" + f.Tag.Value
	}
	p.open(role, text, f.Pos())
	p.expr("", f.Type)
	p.close()
}

func main() {
	for _, path := range os.Args[1:] {
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		var p printer
		p.file(f)
		fmt.Print(p.b.String())
	}
}
