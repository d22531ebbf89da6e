package io.dastyar.account;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page that lists users and adds agents and admins. */
@Controller
@RequestMapping("/admin/users")
class AdminUsersController {

    private final Accounts accounts;

    AdminUsersController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String list(Model model) {
        if (!model.containsAttribute("newUser")) {
            model.addAttribute("newUser", new NewUser("", "", "", Role.AGENT));
        }
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Role.values());
        return "admin/users";
    }

    @PostMapping
    String add(@Validated @ModelAttribute("newUser") NewUser newUser, BindingResult errors, Model model,
               RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                accounts.create(newUser);
                redirect.addFlashAttribute("added", newUser.username());
                return "redirect:/admin/users";
            } catch (Accounts.UsernameTakenException e) {
                errors.rejectValue("username", "taken", e.getMessage());
            }
        }
        model.addAttribute("users", accounts.all());
        model.addAttribute("roles", Role.values());
        return "admin/users";
    }
}
